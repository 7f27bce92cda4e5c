// The update entries of the app menu and the tray, as a pure function of the update state: "Check for Updates…",
// what a check or download is doing, and "Restart to Update" once one is ready.
import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateState } from '../../shared/updates';

export interface UpdateMenuActions {
  check(): void;
  install(): void;
}

export function updateMenuItems(state: UpdateState, actions: UpdateMenuActions): MenuItemConstructorOptions[] {
  switch (state.status) {
    case 'downloaded':
      return [
        {
          id: 'install-update',
          label: `Restart to Update (${state.version ?? 'new version'})`,
          click: () => actions.install(),
        },
      ];
    case 'available':
    case 'downloading':
      return [
        {
          id: 'update-progress',
          label: `Downloading Update ${state.version ?? ''}… ${state.percent ?? 0}%`,
          enabled: false,
        },
      ];
    case 'checking':
      return [{ id: 'check-updates', label: 'Checking for Updates…', enabled: false }];
    case 'disabled':
    case 'idle':
    case 'up-to-date':
    case 'error':
      return [{ id: 'check-updates', label: 'Check for Updates…', click: () => actions.check() }];
  }
}

/** What a menu shows of the state; menus are rebuilt only when it changes (each 10% of a download, not each byte). */
export function updateMenuKey(state: UpdateState): string {
  return [state.status, state.version ?? '', Math.floor((state.percent ?? 0) / 10)].join(':');
}
