// Certificate facts a user can check: subject, issuer, validity and SHA-256 fingerprint.
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { CertificateSummary } from '../../shared/model';
import { appError } from '../errors';

/** Summarises the first certificate of a PEM; throws invalid-input when it is not one. */
export function summarizePem(pem: string): CertificateSummary {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw appError('invalid-input', 'That file is not a PEM certificate.', {
      nextStep: 'Choose the CA certificate in PEM format (a text file that starts with -----BEGIN CERTIFICATE-----).',
    });
  }
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprint256: certificate.fingerprint256,
    pem: certificate.toString(),
  };
}

/** Summarises what a TLS socket reports of the peer. */
export function summarizePeerCertificate(peer: PeerCertificate): CertificateSummary {
  // A socket with no certificate reports an empty object, whatever the type says.
  const raw = peer.raw as Buffer | undefined;
  const pem = raw ? toPem(raw) : undefined;
  if (pem) return summarizePem(pem);
  return {
    subject: distinguishedName(peer.subject),
    issuer: distinguishedName(peer.issuer),
    validFrom: new Date(peer.valid_from).toISOString(),
    validTo: new Date(peer.valid_to).toISOString(),
    fingerprint256: peer.fingerprint256,
  };
}

export function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Splits a PEM bundle into its certificates (a CA file may hold a chain). */
export function splitPemBundle(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function distinguishedName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : (value ?? '')}`)
    .join(', ');
}
