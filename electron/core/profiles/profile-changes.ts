// What a saved change of a profile means for the secrets it holds. Another address or user is another server:
// its session and remembered password are dropped. Another proxy, extra CA or pinned certificate is another
// route to the server, through whoever is in the middle: they are dropped too unless the person confirms.
import type { ServerProfile } from '../../shared/model';

export type RoutePart = 'proxy' | 'extra CA certificate' | 'pinned certificate';

export type ProfileChange = { kind: 'none' } | { kind: 'server' } | { kind: 'route'; parts: RoutePart[] };

export function describeProfileChange(previous: ServerProfile, next: ServerProfile): ProfileChange {
  if (previous.baseUrl !== next.baseUrl || previous.username !== next.username) return { kind: 'server' };
  // A cookie session and a personal access token are different credentials: switching drops the one held.
  if ((previous.signInMethod === 'token') !== (next.signInMethod === 'token')) return { kind: 'server' };
  const parts: RoutePart[] = [];
  if ((previous.proxyUrl ?? '') !== (next.proxyUrl ?? '')) parts.push('proxy');
  if ((previous.caCertificate ?? '') !== (next.caCertificate ?? '')) parts.push('extra CA certificate');
  if (previous.pinnedCertificate?.fingerprint256 !== next.pinnedCertificate?.fingerprint256) {
    parts.push('pinned certificate');
  }
  return parts.length > 0 ? { kind: 'route', parts } : { kind: 'none' };
}

/** A saved proxy password belongs to the proxy (and proxy user) it was saved for. */
export function sameProxyCredentials(previous: ServerProfile | undefined, next: ServerProfile): boolean {
  return (
    previous !== undefined &&
    previous.proxyUrl === next.proxyUrl &&
    previous.proxyUsername !== undefined &&
    previous.proxyUsername === next.proxyUsername
  );
}
