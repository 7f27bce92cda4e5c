// Copying a just-created personal access token: Electron's clipboard (the window's permission handler refuses the
// page's own clipboard access), cleared after a minute — but only while it still holds that token, so whatever the
// person copied since is left alone. Only a hash of the token is kept to compare with.
import { createHash } from 'node:crypto';
import { clipboard } from 'electron';
import { CLIPBOARD_CLEAR_MS } from '../shared/admin';

export interface TokenClipboard {
  copy(token: string): void;
  /** On quit: clears the clipboard now if it still holds the token. */
  dispose(): void;
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

export function createTokenClipboard(clearAfterMs = CLIPBOARD_CLEAR_MS): TokenClipboard {
  let pending: { digest: string; timer: ReturnType<typeof setTimeout> } | undefined;

  const clearIfStillThere = (): void => {
    if (pending && digestOf(clipboard.readText()) === pending.digest) clipboard.writeText('');
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  };

  return {
    copy(token) {
      clipboard.writeText(token);
      if (pending) clearTimeout(pending.timer);
      const timer = setTimeout(clearIfStillThere, clearAfterMs);
      timer.unref();
      pending = { digest: digestOf(token), timer };
    },
    dispose: clearIfStillThere,
  };
}
