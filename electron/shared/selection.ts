// Bulk actions on the server list's selection: the whole-estate channels (refresh all, sign in to all expired, sign
// out of all, end admin access everywhere) take an optional selection and then act on those servers only.

/** The servers a whole-estate action is limited to; without one it acts on every server. */
export interface ServerSelection {
  profileIds: string[];
}

/** The refusal when a selection names a server that is gone (removed meanwhile, in another window). */
export const GONE_FROM_SELECTION = 'Some of the chosen servers are no longer in the list.';
