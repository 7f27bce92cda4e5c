// The model fixtures every test uses — servers, sessions, certificates, errors — realistic and shaped exactly like
// what the core sends. One module, so a field added to the model is added to the fixtures once.
import type {
  AppErrorInfo,
  CertificateSummary,
  ProfileInput,
  ServerInfo,
  ServerProfile,
  SessionState,
  SessionStatus,
} from '../../electron/shared/model';
import { signedOutState } from '../../electron/shared/session-state';

/** A tiny SVG avatar as a data: URI, the only kind of image the CSP allows. */
export function avatarDataUri(initials: string, colour = '#2563c9'): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="${colour}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text>` +
    `</svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

export function makeProfile(overrides: Partial<ServerProfile> & Pick<ServerProfile, 'id'>): ServerProfile {
  return {
    label: `Server ${overrides.id}`,
    baseUrl: `https://${overrides.id}.example.com`,
    username: 'admin.fred',
    environment: 'test',
    signInMethod: 'password',
    pollIntervalSeconds: 300,
    keepAlive: false,
    ...overrides,
  };
}

/** What the editor sends to save a server: the four values a form must have, and whatever else you give. */
export function makeProfileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    label: 'Jira Production',
    baseUrl: 'https://jira.example.com',
    username: 'admin',
    environment: 'production',
    ...overrides,
  };
}

/** A server per letter, as the shell's tests name them: `profile('a')` is "Jira a" at a.jira.example.com. */
export function profile(id: string, overrides: Partial<ServerProfile> = {}): ServerProfile {
  return makeProfile({
    id,
    label: `Jira ${id}`,
    baseUrl: `https://${id}.jira.example.com`,
    username: 'admin',
    environment: 'production',
    ...overrides,
  });
}

/** The servers most tests share: a production, a staging and a development Jira. */
export const PRODUCTION = makeProfile({
  id: 'prod',
  label: 'Jira Production',
  baseUrl: 'https://jira.acme.com',
  environment: 'production',
});
export const STAGING = makeProfile({
  id: 'stage',
  label: 'Jira Staging',
  baseUrl: 'https://staging.acme.com',
  environment: 'staging',
});
export const DEV_SANDBOX = makeProfile({
  id: 'dev',
  label: 'Dev sandbox',
  baseUrl: 'http://localhost:2990/jira',
  environment: 'development',
});

export function serverInfoFor(baseUrl: string, overrides: Partial<ServerInfo> = {}): ServerInfo {
  return {
    baseUrl,
    version: '10.3.4',
    versionNumbers: [10, 3, 4],
    deploymentType: 'Server',
    buildNumber: 10030004,
    buildDate: '2025-02-11T00:00:00.000+0000',
    serverTitle: 'Acme Jira',
    ...overrides,
  };
}

export function signedOutSession(profileId: string, overrides: Partial<SessionState> = {}): SessionState {
  return { ...signedOutState(profileId), ...overrides };
}

/** A session in any state, as small as the shell's tests need: a signed-in one has cookies and a user. */
export function session(profileId: string, status: SessionStatus, overrides: Partial<SessionState> = {}): SessionState {
  return {
    profileId,
    status,
    cookieNames: status === 'signed-in' ? ['JSESSIONID'] : [],
    persisted: status === 'signed-in',
    passwordRemembered: false,
    warnings: [],
    ...(status === 'signed-in' ? { user: { name: 'admin', displayName: 'Ada Admin', groups: [] } } : {}),
    ...overrides,
  };
}

/** Times relative to `now`, so relative wording ("2 days ago") is stable in tests. */
export function signedInSession(
  profile: ServerProfile,
  now: number,
  overrides: Partial<SessionState> = {},
): SessionState {
  const minutes = (count: number) => new Date(now - count * 60_000).toISOString();
  return {
    profileId: profile.id,
    status: 'signed-in',
    user: {
      name: profile.username || 'admin.fred',
      key: 'JIRAUSER10100',
      displayName: 'Fred Jones',
      emailAddress: 'fred.jones@example.com',
      timeZone: 'Europe/Berlin',
      locale: 'en_GB',
      groups: ['jira-administrators', 'jira-software-users', 'site-admins'],
      avatarDataUri: avatarDataUri('FJ'),
    },
    loginInfo: {
      loginCount: 127,
      failedLoginCount: 10,
      lastFailedLoginTime: minutes(3 * 24 * 60),
      previousLoginTime: minutes(2 * 24 * 60),
    },
    serverInfo: serverInfoFor(profile.baseUrl),
    signedInAt: minutes(90),
    verifiedAt: minutes(4),
    nodeId: 'node3',
    cookieNames: ['JSESSIONID', 'atlassian.xsrf.token', 'AWSALB'],
    persisted: true,
    passwordRemembered: false,
    warnings: [],
    ...overrides,
  };
}

export const SAMPLE_CERTIFICATE: CertificateSummary = {
  subject: 'CN=jira.internal.example.com, O=Acme Corp',
  issuer: 'CN=Acme Internal Root CA, O=Acme Corp',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  pem: '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n',
};

/** One realistic example of every error kind's extra fields. */
export function sampleError(kind: AppErrorInfo['kind']): AppErrorInfo {
  const base: AppErrorInfo = { kind, message: `Message for ${kind}.` };
  switch (kind) {
    case 'captcha-required':
      return { ...base, loginUrl: 'https://jira.example.com/login.jsp' };
    case 'rate-limited':
      return { ...base, retryAfterSeconds: 120 };
    case 'tls-untrusted':
      return { ...base, certificate: SAMPLE_CERTIFICATE };
    case 'tls-pin-mismatch':
      return {
        ...base,
        certificate: SAMPLE_CERTIFICATE,
        expectedFingerprint256:
          '00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF',
      };
    case 'redirected':
      return { ...base, location: 'https://sso.example.com/login' };
    case 'unexpected-response':
      return { ...base, status: 200, contentType: 'text/html' };
    case 'server-error':
      return { ...base, status: 503 };
    default:
      return base;
  }
}
