// The app's own updates as a pure state machine: what electron-updater reports (and what main decides, such as "no
// feed in this build") goes in as events, one state comes out. main, the tray, the app menu and the window all show
// this state, in the same plain words (updateSummary).

export const UPDATE_STATUSES = [
  'disabled',
  'idle',
  'checking',
  'available',
  'downloading',
  'downloaded',
  'up-to-date',
  'error',
] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface UpdateState {
  status: UpdateStatus;
  /** The running version. */
  currentVersion: string;
  /** The newer version found (available, downloading, downloaded). */
  version?: string;
  /** Whole per cent of the download (downloading). */
  percent?: number;
  /** Why updates are off (disabled) or what went wrong (error), in plain words. */
  message?: string;
  /** When the feed last answered (ISO 8601). */
  checkedAt?: string;
}

export type UpdateEvent =
  | { type: 'disabled'; message: string }
  | { type: 'checking' }
  | { type: 'available'; version: string; at: string }
  | { type: 'not-available'; at: string }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'failed'; message: string };

/** At most one automatic check a day; a check the person asks for always goes out. */
export const AUTOMATIC_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export function initialUpdateState(currentVersion: string): UpdateState {
  return { status: 'idle', currentVersion };
}

/** True while an answer or a download is on its way: another check would only repeat it. */
export function isUpdateBusy(state: UpdateState): boolean {
  return state.status === 'checking' || state.status === 'available' || state.status === 'downloading';
}

const keep = (state: UpdateState, ...fields: (keyof UpdateState)[]): UpdateState => {
  const kept: UpdateState = { status: state.status, currentVersion: state.currentVersion };
  for (const field of fields) if (state[field] !== undefined) Object.assign(kept, { [field]: state[field] });
  return kept;
};

export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  // Disabled is final for this run: the build has no feed, nothing can change that until it is rebuilt.
  if (state.status === 'disabled') return state;
  if (event.type === 'disabled')
    return { status: 'disabled', currentVersion: state.currentVersion, message: event.message };
  // A downloaded update waits for the person: only their restart, or its failure, changes that.
  if (state.status === 'downloaded' && event.type !== 'failed') return state;
  switch (event.type) {
    case 'checking':
      return isUpdateBusy(state) ? state : { ...keep(state, 'checkedAt'), status: 'checking' };
    case 'available':
      return { status: 'available', currentVersion: state.currentVersion, version: event.version, checkedAt: event.at };
    case 'not-available':
      return { status: 'up-to-date', currentVersion: state.currentVersion, checkedAt: event.at };
    case 'progress': {
      const version = state.version;
      if (version === undefined) return state;
      const percent = Math.min(100, Math.max(0, Math.floor(event.percent)));
      return { ...keep(state, 'checkedAt'), status: 'downloading', version, percent };
    }
    case 'downloaded':
      return { ...keep(state, 'checkedAt'), status: 'downloaded', version: event.version };
    case 'failed':
      return { ...keep(state, 'checkedAt'), status: 'error', message: event.message };
  }
}

/** Whether an automatic check may go out now, given when the last one did. */
export function isAutomaticCheckDue(lastCheckAt: string | undefined, now: number): boolean {
  if (lastCheckAt === undefined) return true;
  const last = Date.parse(lastCheckAt);
  // An unreadable or future time (the clock was set back) must not block checks for good.
  if (Number.isNaN(last) || last > now) return true;
  return now - last >= AUTOMATIC_CHECK_INTERVAL_MS;
}

/** One line for the tray, the app menu and the window: what is going on with updates. */
export function updateSummary(state: UpdateState): string {
  switch (state.status) {
    case 'disabled':
      return state.message ?? 'Updates are not configured for this build.';
    case 'idle':
      return `Version ${state.currentVersion}. Not checked for updates yet.`;
    case 'checking':
      return 'Checking for updates…';
    case 'available':
      return `Version ${state.version ?? ''} is available; downloading it in the background.`;
    case 'downloading':
      return `Downloading version ${state.version ?? ''}: ${state.percent ?? 0}%`;
    case 'downloaded':
      return `Version ${state.version ?? ''} is ready. Restart to update.`;
    case 'up-to-date':
      return `Version ${state.currentVersion} is the latest: up to date.`;
    case 'error':
      return `Could not update: ${state.message ?? 'something went wrong.'}`;
  }
}
