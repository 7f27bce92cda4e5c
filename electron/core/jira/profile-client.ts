// Builds the client for a saved profile: its base URL, its own proxy (with the proxy password, when one is
// saved for that proxy), its extra CA or pinned certificate, and the service-wide limits.
import type { ServerProfile } from '../../shared/model';
import { BearerJiraClient } from '../admin/bearer-client';
import { JiraClient, type JiraClientOptions } from './jira-client';

export type ProfileClientContext = Pick<
  JiraClientOptions,
  'timeoutMs' | 'maxResponseBytes' | 'now' | 'rateLimits' | 'onExchange' | 'signal'
>;

export function createProfileClient(
  profile: ServerProfile,
  proxyPassword: string | undefined,
  context: ProfileClientContext,
): JiraClient {
  const pin = profile.pinnedCertificate;
  // A token profile's client speaks Bearer; every other profile's keeps a cookie jar.
  const Client = profile.signInMethod === 'token' ? BearerJiraClient : JiraClient;
  return new Client({
    ...context,
    baseUrl: profile.baseUrl,
    ...(profile.proxyUrl
      ? {
          proxy: {
            url: profile.proxyUrl,
            ...(profile.proxyUsername ? { username: profile.proxyUsername, password: proxyPassword ?? '' } : {}),
          },
        }
      : {}),
    trust: {
      ...(profile.caCertificate ? { caCertificate: profile.caCertificate } : {}),
      ...(pin?.pem ? { pinnedCertificate: { pem: pin.pem, fingerprint256: pin.fingerprint256 } } : {}),
    },
  });
}
