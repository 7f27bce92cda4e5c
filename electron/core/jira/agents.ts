// The HTTP(S) agents of one client: its TLS trust (one shared secure context per trust configuration) and its
// connections, kept alive within a burst of requests and closed soon after it.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { splitPemBundle, summarizePeerCertificate } from './certificates';
import { secureContextFor } from './secure-contexts';

export interface TrustOptions {
  /** Extra CA certificates (PEM bundle), added to the default roots. */
  caCertificate?: string;
  /** The one leaf certificate this profile accepts (its PEM is trusted as an anchor for it alone). */
  pinnedCertificate?: { pem: string; fingerprint256: string };
}

export const PIN_MISMATCH = 'ERR_JSM_PIN_MISMATCH';
/** How long a connection may sit idle after a burst of requests (a refresh-all, a sign-in) before it is closed. */
export const IDLE_SOCKET_MS = 1000;
/** Connections one client opens to its server at once. */
const MAX_SOCKETS = 8;

export function createAgents(
  trust: TrustOptions,
  idleSocketMs = IDLE_SOCKET_MS,
): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  const extra = [
    ...splitPemBundle(trust.caCertificate ?? ''),
    ...(trust.pinnedCertificate ? [trust.pinnedCertificate.pem] : []),
  ];
  const pin = trust.pinnedCertificate?.fingerprint256;
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets: MAX_SOCKETS,
    // A pinned leaf is not self-signed when a private CA issued it; the context lets it anchor its own chain.
    secureContext: secureContextFor({ extra, partialChain: pin !== undefined }),
    checkServerIdentity: (host: string, certificate: PeerCertificate) => {
      const identityError = checkServerIdentity(host, certificate);
      if (identityError) return identityError;
      if (pin && certificate.fingerprint256 !== pin) {
        return Object.assign(new Error('The server certificate does not match the pinned certificate.'), {
          code: PIN_MISMATCH,
          presented: summarizePeerCertificate(certificate),
        });
      }
      return undefined;
    },
  });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  closeWhenIdle(httpAgent, idleSocketMs);
  closeWhenIdle(httpsAgent, idleSocketMs);
  return { httpAgent, httpsAgent };
}

/**
 * Checks are minutes apart, far beyond any server's idle-connection timeout: a socket pooled that long would only
 * be reused just as the server closes it (ECONNRESET on a healthy server). So a socket is kept only for the burst
 * it serves: once free, it times out after `idleMs` and the agent destroys it (Node's agent destroys a free socket
 * on 'timeout'). Not the agent's `timeout` option: that also runs while a socket connects, before a request's own
 * timeout takes over, and would cut a slow TCP connect short.
 */
function closeWhenIdle(agent: HttpAgent, idleMs: number): void {
  // Runs after the agent's own 'free' listener, which has just reset the socket's timeout.
  agent.on('free', (socket: Socket) => {
    if (!socket.destroyed) socket.setTimeout(idleMs);
  });
}
