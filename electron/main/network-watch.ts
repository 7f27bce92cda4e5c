// Electron's main process has no online/offline event, so it asks `net.isOnline()` now and then and reports
// the changes: liveness checks pause while offline (a VPN drop would otherwise mark every session "error")
// and run at once when the network is back.
export interface NetworkWatchOptions {
  isOnline: () => boolean;
  onOffline: () => void;
  onOnline: () => void;
  intervalMs?: number;
}

export const NETWORK_CHECK_INTERVAL_MS = 15_000;

/** Starts watching; returns the function that stops it. */
export function watchNetwork(options: NetworkWatchOptions): () => void {
  let online = options.isOnline();
  if (!online) options.onOffline();
  const timer = setInterval(() => {
    const now = options.isOnline();
    if (now === online) return;
    online = now;
    if (now) options.onOnline();
    else options.onOffline();
  }, options.intervalMs ?? NETWORK_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
