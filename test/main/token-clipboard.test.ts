import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenClipboard } from '../../electron/main/token-clipboard';
import { clipboard, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createTokenClipboard', () => {
  it('copies the token and clears it after 60 seconds while it is still there', () => {
    const board = createTokenClipboard();
    board.copy('raw-token-1');
    expect(clipboard.text).toBe('raw-token-1');
    vi.advanceTimersByTime(59_999);
    expect(clipboard.text).toBe('raw-token-1');
    vi.advanceTimersByTime(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves alone whatever the person copied since', () => {
    const board = createTokenClipboard();
    board.copy('raw-token-1');
    clipboard.writeText('an issue key, ABC-123');
    vi.advanceTimersByTime(60_000);
    expect(clipboard.text).toBe('an issue key, ABC-123');
  });

  it('a second copy restarts the minute, and quitting clears at once', () => {
    const board = createTokenClipboard();
    board.copy('raw-token-1');
    vi.advanceTimersByTime(30_000);
    board.copy('raw-token-2');
    vi.advanceTimersByTime(45_000);
    expect(clipboard.text).toBe('raw-token-2');
    board.dispose();
    expect(clipboard.text).toBe('');
  });
});
