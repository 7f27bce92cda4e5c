// A kept-alive connection can be closed by the server just as a request goes out on it: the server's idle timer
// ran out while this side's event loop was busy (a sign-in to hundreds of servers keeps it busy for seconds). The
// request then fails with a reset although the server is fine and never saw it. Node's advice: retry such a
// request once, on a new connection, when it went out on a reused socket and repeating it is harmless.
import { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';

const REPEATABLE = new Set(['get', 'head', 'options', 'put', 'delete']);
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE']);

type RetriedConfig = InternalAxiosRequestConfig & { staleConnectionRetried?: boolean };

export function retryOnStaleConnection(http: AxiosInstance): void {
  http.interceptors.response.use(undefined, (error: unknown) => {
    if (!(error instanceof AxiosError) || !isStaleConnection(error)) return Promise.reject(error);
    const config = error.config as RetriedConfig;
    return http.request({ ...config, staleConnectionRetried: true } as RetriedConfig);
  });
}

function isStaleConnection(error: AxiosError): boolean {
  const config = error.config as RetriedConfig | undefined;
  const request = error.request as { reusedSocket?: boolean } | undefined;
  return (
    config !== undefined &&
    config.staleConnectionRetried !== true &&
    request?.reusedSocket === true &&
    STALE_CODES.has(error.code ?? '') &&
    REPEATABLE.has((config.method ?? 'get').toLowerCase())
  );
}
