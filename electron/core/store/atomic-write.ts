// Writing a file so that a crash leaves the old version or the new one, never half of either: the text goes to a
// temporary file beside it, is flushed to disk, then renamed over the old one (a rename is atomic on one volume).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

let counter = 0;
const temporaryName = (path: string): string => `${path}.tmp-${process.pid}-${(counter += 1)}`;
/** Left behind only by a crash mid-write; removed when the folder is next opened. */
export const TEMPORARY_FILE = /\.tmp-\d+-\d+$/;

export function writeFileAtomicSync(path: string, text: string, mode: number): void {
  const temporary = temporaryName(path);
  try {
    const fd = openSync(temporary, 'w', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The same, off the main thread's critical path (the writes and the flush run in libuv's pool). */
export async function writeFileAtomic(path: string, text: string, mode: number): Promise<void> {
  const temporary = temporaryName(path);
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
