// Certificates made in memory at start: a private CA and a leaf for 127.0.0.1 signed by it, so Node's default
// trust refuses the server (as it would a company's internal CA) while `ca: caPem` accepts it.
import { generate } from 'selfsigned';

export interface PemPair {
  certPem: string;
  keyPem: string;
}

// EC keys make generation take milliseconds instead of the RSA key's hundreds.
const KEY = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function validity(days: number): { notBeforeDate: Date; notAfterDate: Date } {
  // Back-dated an hour so a client whose clock runs a little behind still accepts it.
  const now = Date.now();
  return { notBeforeDate: new Date(now - 60 * 60 * 1000), notAfterDate: new Date(now + days * DAY_MS) };
}

export async function createCertificateAuthority(): Promise<PemPair> {
  const pems = await generate(
    [
      { name: 'commonName', value: 'Jira Stand-in Test CA' },
      { name: 'organizationName', value: 'Jira Session Manager tests' },
    ],
    {
      ...KEY,
      ...validity(730),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  return { certPem: pems.cert, keyPem: pems.private };
}

/** A new key and a new leaf certificate each call, always signed by the same CA. */
export async function issueServerCertificate(ca: PemPair): Promise<PemPair> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...KEY,
    ...validity(365),
    ca: { cert: ca.certPem, key: ca.keyPem },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}
