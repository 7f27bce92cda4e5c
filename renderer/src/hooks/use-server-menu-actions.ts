// What a server's context menu in the list does, as one stable object (the list is memoised): the pane's own
// actions, reached without going to the pane first.
import { useMemo } from 'react';
import type { ServerMenuActions } from '../components/server-context-menu';

type Act = (profileId: string) => unknown;

export function useServerMenuActions(
  server: { refresh: Act; signOut: Act },
  web: { openInJira: Act; webSignIn: Act },
  signIn: Act,
  edit: Act,
): ServerMenuActions {
  const { refresh, signOut } = server;
  const { openInJira, webSignIn } = web;
  return useMemo(
    () => ({ openInJira, webSignIn, refresh, signOut, signIn, edit }),
    [openInJira, webSignIn, refresh, signOut, signIn, edit],
  );
}
