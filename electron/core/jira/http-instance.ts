// The one axios instance a client talks through: its own TLS trust and connections (agents.ts), its own proxy (or
// the environment's), no automatic redirects (the client follows same-origin ones itself so cookies never cross
// origins) and raw bodies. Built on the first request: a thousand saved servers start without a thousand instances,
// and a server nobody signs in to never has one.
import axios, { type AxiosInstance, type AxiosProxyConfig, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { createAgents, type TrustOptions } from './agents';
import { retryOnStaleConnection } from './stale-connection';

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
  /** How long an idle connection is kept after a burst of requests (default IDLE_SOCKET_MS). */
  idleSocketMs?: number;
}

/** What a client needs of its instance: requests, and closing its connections. */
export interface HttpInstance {
  request<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  dispose(): void;
}

export function createHttpInstance(options: HttpInstanceOptions): HttpInstance {
  let instance: AxiosInstance | undefined;
  return {
    request: (config) => (instance ??= buildInstance(options)).request(config),
    dispose: () => {
      if (instance) disposeInstance(instance);
    },
  };
}

function buildInstance(options: HttpInstanceOptions): AxiosInstance {
  const { httpAgent, httpsAgent } = createAgents(options.trust ?? {}, options.idleSocketMs);
  const http = axios.create({
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
  retryOnStaleConnection(http);
  return http;
}

function disposeInstance(http: AxiosInstance): void {
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
