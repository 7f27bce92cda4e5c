// The stand-in's "SAML" response: not XML, but the same guarantees the consumer must check — who, for which
// service provider (audience), until when — signed with an HMAC over exactly those, with a secret that only the
// identity provider and the Jira stand-in share.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Assertion {
  user: string;
  audience: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

function signature(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `base64url(JSON)` + '.' + `base64url(HMAC-SHA256)`, base64-encoded once more as a SAMLResponse field is. */
export function signAssertion(secret: Buffer, assertion: Assertion): string {
  const payload = Buffer.from(JSON.stringify(assertion)).toString('base64url');
  const signed = `${payload}.${signature(secret, payload).toString('base64url')}`;
  return Buffer.from(signed).toString('base64');
}

/** The user the response vouches for, or undefined when it is forged, for another audience, or expired. */
export function verifyAssertion(
  secret: Buffer,
  samlResponse: string,
  audience: string,
  now: number,
): string | undefined {
  const [payload, mac, extra] = Buffer.from(samlResponse, 'base64').toString('utf8').split('.');
  if (payload === undefined || mac === undefined || extra !== undefined) return undefined;
  const expected = signature(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let assertion: Partial<Assertion>;
  try {
    assertion = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Assertion>;
  } catch {
    return undefined;
  }
  if (assertion.audience !== audience || typeof assertion.expiresAt !== 'number' || assertion.expiresAt <= now) {
    return undefined;
  }
  return typeof assertion.user === 'string' ? assertion.user : undefined;
}
