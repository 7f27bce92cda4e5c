// A bare HTTPS server with exactly the certificate a TLS test needs (a wrong host name, an expired one, one from
// the stand-in's CA), answering every request with Jira's serverInfo JSON.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { PemPair } from './jira-stand-in/certificates';

export interface CertificateRequest {
  /** DNS names in the subjectAltName; no IP address is added. */
  dnsNames: string[];
  /** Days from now; negative for a certificate that has already expired. */
  validUntilDays: number;
  /** Signs with this CA; self-signed without it. */
  ca?: PemPair;
}

export async function makeCertificate(request: CertificateRequest): Promise<PemPair> {
  const day = 24 * 60 * 60 * 1000;
  const notAfterDate = new Date(Date.now() + request.validUntilDays * day);
  const pems = await generate([{ name: 'commonName', value: request.dnsNames[0] ?? 'nobody' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(notAfterDate.getTime() - 30 * day),
    notAfterDate,
    ...(request.ca ? { ca: { cert: request.ca.certPem, key: request.ca.keyPem } } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: request.dnsNames.map((value) => ({ type: 2, value })) },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

export interface TlsServer {
  baseUrl: string;
  requests: number;
  close(): Promise<void>;
}

export async function startTlsServer(pair: PemPair): Promise<TlsServer> {
  const state = { requests: 0 };
  const server: Server = createServer({ key: pair.keyPem, cert: pair.certPem }, (_req, res) => {
    state.requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ baseUrl: 'https://tls.test', version: '10.3.4', serverTitle: 'TLS test' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `https://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
