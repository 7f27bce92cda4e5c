// The one axios instance a client talks through: its own TLS trust, its own proxy (or the environment's), no
// automatic redirects (the client follows same-origin ones itself so cookies never cross origins) and raw bodies.
import axios, { type AxiosInstance, type AxiosProxyConfig } from 'axios';
import { createAgents, type TrustOptions } from './transport';

export interface ProxySettings {
  url: string;
  username?: string;
  password?: string;
}

export interface HttpInstanceOptions {
  trust?: TrustOptions;
  /** A proxy for this profile only; without it the system's HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply. */
  proxy?: ProxySettings;
  timeoutMs: number;
  maxResponseBytes: number;
}

export function createHttpInstance(options: HttpInstanceOptions): AxiosInstance {
  const { httpAgent, httpsAgent } = createAgents(options.trust ?? {});
  return axios.create({
    httpAgent,
    httpsAgent,
    maxRedirects: 0,
    // Undefined means the environment's proxy; axios tunnels HTTPS with CONNECT and keeps our TLS options.
    proxy: options.proxy ? axiosProxy(options.proxy) : undefined,
    responseType: 'arraybuffer',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    timeout: options.timeoutMs,
    maxContentLength: options.maxResponseBytes,
    maxBodyLength: 64 * 1024,
  });
}

export function disposeHttpInstance(http: AxiosInstance): void {
  http.defaults.httpAgent?.destroy?.();
  http.defaults.httpsAgent?.destroy?.();
}

function axiosProxy(proxy: ProxySettings): AxiosProxyConfig {
  const url = new URL(proxy.url);
  return {
    protocol: url.protocol.replace(':', ''),
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ...(proxy.username ? { auth: { username: proxy.username, password: proxy.password ?? '' } } : {}),
  };
}
