// The folders the renderer may ask main to show: the logs folder (Help menu, the error screen) and the store file
// that could not be read. Paths never come from the renderer; main knows them.
import { mkdirSync } from 'node:fs';
import { shell } from 'electron';
import { appError } from '../core/errors';

export interface FolderOptions {
  logsDir: string;
  /** The set-aside store file, when start-up found one (the core's app:info). */
  storeBackupPath: () => Promise<string | undefined>;
}

export function createFolderOpener(options: FolderOptions) {
  return {
    async openLogsFolder(): Promise<void> {
      mkdirSync(options.logsDir, { recursive: true });
      const problem = await shell.openPath(options.logsDir);
      if (problem) throw appError('internal-error', `The logs folder could not be opened (${problem}).`);
    },
    async showStoreBackup(): Promise<void> {
      const backupPath = await options.storeBackupPath();
      if (!backupPath) throw appError('not-found', 'There is no set-aside store file to show.');
      shell.showItemInFolder(backupPath);
    },
  };
}
