// The signal one HTTP exchange is aborted with: its own timeout, and the person's "Cancel" when the work it belongs
// to can be cancelled (sessions/cancellations.ts). Aborting closes the socket, so the server sees the request end.
import { appError } from '../errors';

export interface SignalOptions {
  timeoutMs: number;
  /** The signal of the cancellable work under way, if any. */
  signal?: () => AbortSignal | undefined;
}

export function requestSignal(options: SignalOptions): AbortSignal {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const cancel = options.signal?.();
  return cancel ? AbortSignal.any([timeout, cancel]) : timeout;
}

/** True when the person cancelled the work the failed exchange belonged to (not a timeout). */
export function wasCancelled(options: SignalOptions): boolean {
  return options.signal?.()?.aborted === true;
}

export function cancelledError() {
  return appError('cancelled', 'Cancelled.');
}
