// The channels and the event of the app's own updates (issue 13), served by main (electron-updater lives there) and
// merged into contract.ts's maps, so the hot contract file only names this module.
import type { UpdateState } from './updates';

export interface UpdatesShellInvokeMap {
  /** Where updates stand now: disabled, checking, downloading 40%, ready to install, … */
  'updates:state': () => UpdateState;
  /** Checks the feed now (the person asked: the daily limit does not apply); answers once the feed has. */
  'updates:check': () => UpdateState;
  /** Quits and installs the downloaded update, then starts the new version. Refused until one is ready. */
  'updates:install': () => void;
}

/** main tells the window each time the update state changes. */
export interface UpdatesEventMap {
  'updates:changed': UpdateState;
}

export const UPDATES_BRIDGE_METHODS = {
  getUpdateState: 'updates:state',
  checkForUpdates: 'updates:check',
  installUpdate: 'updates:install',
} as const;

export const UPDATES_BRIDGE_EVENTS = { onUpdateState: 'updates:changed' } as const;

export const UPDATES_SHELL_CHANNELS = {
  'updates:state': true,
  'updates:check': true,
  'updates:install': true,
} as const satisfies Record<keyof UpdatesShellInvokeMap, true>;
