// The mapping of network-level failures to AppErrors, and reading the certificate a server presents.
// Verification is never switched off: a profile can only ADD trust (an extra CA) or narrow it (a pin; agents.ts).
import { connect } from 'node:tls';
import type { CertificateSummary } from '../../shared/model';
import { AppError, appError } from '../errors';
import { PIN_MISMATCH } from './agents';
import { summarizePeerCertificate } from './certificates';
import type { ProxySettings } from './http-instance';
import { openTunnel } from './proxy-tunnel';
import { cancelledError } from './request-signal';

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);
/** Failures that say what is wrong with a certificate whatever is pinned: they are reported as themselves. */
const CERTIFICATE_PROBLEMS: Record<string, (host: string) => string> = {
  ERR_TLS_CERT_ALTNAME_INVALID: (host) => `The certificate of ${host} is not issued for ${host} (wrong host name).`,
  CERT_HAS_EXPIRED: (host) => `The certificate of ${host} has expired.`,
  CERT_NOT_YET_VALID: (host) => `The certificate of ${host} is not valid yet.`,
};
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'ERR_SOCKET_CLOSED',
  'ECONNABORTED_BY_PEER',
]);

interface FailureContext {
  url: URL;
  /** The person cancelled the wait: not a failure of the server. */
  cancelled?: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Set when the profile pins one certificate: any trust failure then means the certificate changed. */
  pinnedFingerprint256?: string;
  /** Reads the certificate the server presents, for a trust error the user can act on. */
  inspectCertificate: () => Promise<CertificateSummary | undefined>;
}

/** Maps an error thrown by the HTTP stack (never its config: that holds cookies and the login body). */
export async function transportFailure(error: unknown, context: FailureContext): Promise<AppError> {
  if (error instanceof AppError) return error;
  if (context.cancelled) return cancelledError();
  const { code, message, cause } = describe(error);
  const host = context.url.host;
  const pinMismatch = code === PIN_MISMATCH || cause?.code === PIN_MISMATCH;
  const tlsCode = [code, cause?.code].find((candidate) => candidate && TLS_TRUST_CODES.has(candidate));
  const problem = tlsCode ? CERTIFICATE_PROBLEMS[tlsCode] : undefined;
  // With a pin, a chain that no longer verifies means another certificate; a wrong name or date does not.
  if (pinMismatch || (tlsCode && !problem && context.pinnedFingerprint256)) {
    const presented =
      ((cause?.presented ?? (error as { presented?: unknown }).presented) as CertificateSummary | undefined) ??
      (await context.inspectCertificate().catch(() => undefined));
    return appError('tls-pin-mismatch', `${host} presented a different certificate from the one pinned for it.`, {
      nextStep:
        'Do not sign in until you know why the certificate changed. If the change is expected, pin the new certificate.',
      ...(presented ? { certificate: presented } : {}),
      ...(context.pinnedFingerprint256 ? { expectedFingerprint256: context.pinnedFingerprint256 } : {}),
    });
  }
  if (tlsCode) {
    const certificate = await context.inspectCertificate().catch(() => undefined);
    return appError('tls-untrusted', problem?.(host) ?? `The certificate of ${host} is not trusted (${tlsCode}).`, {
      nextStep: problem
        ? 'Ask the server administrator to renew or correct the certificate, or check that the base URL uses the name the certificate is issued for.'
        : "Check the fingerprint with the server administrator, then add the CA certificate (PEM) to this server's settings or pin this certificate.",
      ...(certificate ? { certificate } : {}),
    });
  }
  if (code === 'ERR_CANCELED' || code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout/i.test(message)) {
    return appError('timeout', `${host} did not answer within ${Math.round(context.timeoutMs / 1000)} s.`, {
      nextStep: 'Check the VPN or network connection and that the server is up, then try again.',
    });
  }
  if (/maxContentLength/i.test(message)) {
    return appError(
      'unexpected-response',
      `${host} sent a response larger than ${formatBytes(context.maxResponseBytes)}.`,
      {
        nextStep: 'Check that the base URL points at Jira itself and not at something that serves large files.',
      },
    );
  }
  if ((code && UNREACHABLE_CODES.has(code)) || /socket hang up|aborted|closed/i.test(message)) {
    return appError('unreachable', `Could not reach ${host}${code ? ` (${code})` : ''}.`, {
      nextStep: 'Check the address, the VPN or network connection, and that the server is up.',
    });
  }
  return appError('unreachable', `Could not talk to ${host}: ${message}`, {
    nextStep: 'Check the address and the network connection.',
  });
}

/**
 * Connects only to read the certificate the server presents, through the profile's proxy when it has one; sends
 * no request and no secret. Verification stays on: the handshake completes, Node's own 'secure' listener then
 * refuses the chain and destroys the socket — so ours is put in front of it, to read the certificate the moment
 * the handshake is done and before the refusal.
 */
export async function inspectCertificate(
  url: URL,
  timeoutMs: number,
  proxy?: ProxySettings,
): Promise<CertificateSummary | undefined> {
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const tunnel = proxy ? await openTunnel(proxy, host, port, timeoutMs) : undefined;
  if (proxy && !tunnel) return undefined;
  return new Promise((resolve) => {
    let summary: CertificateSummary | undefined;
    const socket = connect({
      ...(tunnel ? { socket: tunnel } : { host, port }),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      timeout: timeoutMs,
    });
    const finish = () => {
      socket.destroy();
      tunnel?.destroy();
      resolve(summary);
    };
    socket.prependOnceListener('secure', () => {
      const peer = socket.getPeerCertificate();
      // An empty object when the peer sent no certificate.
      if (Object.keys(peer).length > 0) summary = summarizePeerCertificate(peer);
    });
    socket.once('secureConnect', finish);
    socket.once('error', finish);
    socket.once('timeout', finish);
    socket.once('close', finish);
  });
}

function describe(error: unknown): {
  code?: string;
  message: string;
  cause?: { code?: string; presented?: unknown };
} {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { code, message, cause, name } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    name?: unknown;
  };
  const causeObject =
    typeof cause === 'object' && cause !== null ? (cause as { code?: string; presented?: unknown }) : undefined;
  return {
    code: typeof code === 'string' ? code : name === 'TimeoutError' ? 'ETIMEDOUT' : undefined,
    message: typeof message === 'string' ? message : String(name ?? 'unknown error'),
    ...(causeObject ? { cause: causeObject } : {}),
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
