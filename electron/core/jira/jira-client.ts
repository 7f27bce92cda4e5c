// One Jira server as seen from one profile: an axios instance with its own TLS trust and a tough-cookie jar
// that keeps every cookie the server sets (JSESSIONID under the context path, the XSRF token, a cluster's
// sticky load-balancer cookie) and sends them back only to that server.
import { createHash } from 'node:crypto';
import axios, { type AxiosInstance, type AxiosProxyConfig, type AxiosResponse } from 'axios';
import { CookieJar } from 'tough-cookie';
import type { ServerInfo } from '../../shared/model';
import type { AppError } from '../errors';
import { appError } from '../errors';
import {
  authSuccessSchema,
  currentUserSchema,
  serverInfoSchema,
  toLoginInfo,
  toServerInfo,
  userBeanSchema,
  type UserBean,
} from './jira-payloads';
import {
  generalFailure,
  headerValue,
  isJson,
  loginFailure,
  loginReasons,
  rateLimited,
  retryAfterSeconds,
  sessionFailure,
  type HttpAnswer,
} from './errors';
import { createAgents, inspectCertificate, transportFailure, type TrustOptions } from './transport';
import type { LoginInfo } from '../../shared/model';
import type { z } from 'zod';

export interface JiraClientOptions {
  baseUrl: string;
  trust?: TrustOptions;
  /** A proxy for this profile only; without it the system's HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply. */
  proxy?: ProxySettings;
  timeoutMs: number;
  maxResponseBytes: number;
  now: () => number;
  /**
   * A personal access token to send as `Authorization: Bearer` instead of the cookie jar: while it answers one, no
   * cookie is sent and none is kept (Jira ends a token request's session, and a stale session id next to a token
   * gets 401s).
   */
  bearerToken?: () => string | undefined;
  /** Called once per HTTP exchange with nothing secret: method, path, status, duration. */
  onExchange?: (exchange: { method: string; path: string; status: number | 'failed'; ms: number }) => void;
}

export interface ProxySettings {
  url: string;
  username?: string;
  password?: string;
}

export interface SessionFacts {
  username: string;
  loginInfo?: LoginInfo;
  /** Cluster node that answered (X-ANODEID). */
  nodeId?: string;
}

interface Exchange extends HttpAnswer {
  body: Buffer;
}

type Expect = 'json' | 'empty' | 'image';

const MAX_SAME_ORIGIN_REDIRECTS = 3;
const MAX_AVATAR_BYTES = 512 * 1024;
const AVATAR_TYPES = /^image\/(png|jpeg|gif|webp|svg\+xml)$/i;

export class JiraClient {
  private readonly http: AxiosInstance;
  private readonly baseUrl: string;
  private jar: CookieJar;
  /** Names and identity of the jar's cookies, derived once per change of the jar (serialising it is not cheap). */
  private summary: { names: string[]; version: string } | undefined;
  /** Until when the server asked us (429 Retry-After) not to call it again. */
  private blockedUntil = 0;

  constructor(
    private readonly options: JiraClientOptions,
    jar: CookieJar = new CookieJar(),
  ) {
    this.baseUrl = options.baseUrl;
    this.jar = jar;
    const { httpAgent, httpsAgent } = createAgents(options.trust ?? {});
    this.http = axios.create({
      httpAgent,
      httpsAgent,
      // Redirects are handled below so that cookies never follow a redirect to another origin.
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

  /** POST /rest/auth/1/session on a fresh jar (a new session, and a new cluster node if the balancer picks one). */
  async login(username: string, password: string): Promise<SessionFacts> {
    const previous = this.jar;
    this.replaceJar(new CookieJar());
    try {
      const answer = await this.send('POST', '/rest/auth/1/session', 'json', { username, password });
      const denied = loginReasons(answer).includes('AUTHENTICATION_DENIED');
      if (answer.status !== 200 || denied) throw loginFailure(answer, this.options.now());
      const body = this.parse(answer, authSuccessSchema);
      await this.endReplacedSession(previous);
      return this.facts(answer, headerValue(answer, 'x-ausername') ?? username, toLoginInfo(body.loginInfo));
    } catch (error) {
      // A failed attempt must not cost the session the profile already had.
      this.replaceJar(previous);
      throw error;
    }
  }

  /** GET /rest/auth/1/session: the liveness probe; answers 401 once the session has ended. */
  async currentUser(): Promise<SessionFacts> {
    const answer = await this.send('GET', '/rest/auth/1/session', 'json');
    if (answer.status !== 200) throw sessionFailure(answer, this.options.now(), this.hasSession());
    const body = this.parse(answer, currentUserSchema);
    if (headerValue(answer, 'x-ausername') === 'anonymous') {
      throw sessionFailure({ ...answer, status: 401 }, this.options.now(), true);
    }
    return this.facts(answer, body.name, toLoginInfo(body.loginInfo));
  }

  async myself(): Promise<UserBean> {
    const answer = await this.send('GET', '/rest/api/2/myself?expand=groups', 'json');
    if (answer.status !== 200) throw sessionFailure(answer, this.options.now(), this.hasSession());
    return this.parse(answer, userBeanSchema);
  }

  async serverInfo(): Promise<ServerInfo> {
    const answer = await this.send('GET', '/rest/api/2/serverInfo', 'json');
    if (answer.status !== 200) throw generalFailure(answer, this.options.now());
    return toServerInfo(this.parse(answer, serverInfoSchema));
  }

  /** Loads an avatar with the session, only from this server's origin; undefined when there is none to show. */
  async avatarDataUri(avatarUrls: Record<string, string> | undefined): Promise<string | undefined> {
    const href = avatarUrls?.['48x48'] ?? avatarUrls?.['32x32'];
    if (!href) return undefined;
    const url = new URL(href, this.baseUrl);
    if (url.origin !== new URL(this.baseUrl).origin) return undefined;
    const answer = await this.send('GET', url, 'image');
    if (answer.status !== 200 || !AVATAR_TYPES.test(answer.contentType) || answer.body.length > MAX_AVATAR_BYTES) {
      return undefined;
    }
    return `data:${answer.contentType.toLowerCase()};base64,${answer.body.toString('base64')}`;
  }

  /** DELETE /rest/auth/1/session. A 401 means the server had already ended it: signed out either way. */
  async logout(): Promise<void> {
    try {
      const answer = await this.send('DELETE', '/rest/auth/1/session', 'empty');
      if (answer.status !== 204 && answer.status !== 200 && answer.status !== 401) {
        throw generalFailure(answer, this.options.now());
      }
    } finally {
      this.replaceJar(new CookieJar());
    }
  }

  /**
   * One call for the feature modules (admin access, tokens) that map the answer themselves: redirects, transport
   * failures and rate limits are handled as for every call, but the status and the body are left to the caller.
   */
  async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<HttpAnswer> {
    const { status, headers, contentType, text } = await this.send(method, path, 'empty', body);
    return { status, headers, contentType, text };
  }

  /** The client's clock, for mapping an answer's Retry-After. */
  now(): number {
    return this.options.now();
  }

  cookieNames(): string[] {
    return this.summarize().names;
  }

  hasSession(): boolean {
    return this.cookieNames().includes('JSESSIONID');
  }

  /** Changes whenever a cookie is set, replaced or dropped (not when one is merely sent), to skip needless re-sealing. */
  cookieVersion(): string {
    return this.summarize().version;
  }

  /** The jar as JSON, for sealing. Holds the cookie values: never log it, never send it to the renderer. */
  serializeJar(): string {
    return JSON.stringify(this.jar.serializeSync());
  }

  restoreJar(serialized: string): void {
    this.replaceJar(CookieJar.deserializeSync(serialized));
  }

  forgetCookies(): void {
    this.replaceJar(new CookieJar());
  }

  dispose(): void {
    this.http.defaults.httpAgent?.destroy?.();
    this.http.defaults.httpsAgent?.destroy?.();
  }

  /** Signing in again must not leave the previous session open on the server: end it with its own cookies. */
  private async endReplacedSession(previous: CookieJar): Promise<void> {
    const fresh = this.jar;
    this.replaceJar(previous);
    if (this.hasSession()) await this.logout().catch(() => undefined);
    this.replaceJar(fresh);
  }

  private replaceJar(jar: CookieJar): void {
    this.jar = jar;
    this.summary = undefined;
  }

  private summarize(): { names: string[]; version: string } {
    if (this.summary) return this.summary;
    const cookies = this.jar.serializeSync()?.cookies ?? [];
    const identity = cookies
      .map((cookie) => [cookie.key, cookie.value, cookie.domain, cookie.path, cookie.expires].join('\u0000'))
      .sort()
      .join('\u0001');
    this.summary = {
      names: [...new Set(cookies.map((cookie) => String(cookie.key)))].sort(),
      version: createHash('sha256').update(identity).digest('hex'),
    };
    return this.summary;
  }

  private facts(answer: Exchange, username: string, loginInfo: LoginInfo | undefined): SessionFacts {
    const nodeId = headerValue(answer, 'x-anodeid');
    return { username, ...(loginInfo ? { loginInfo } : {}), ...(nodeId ? { nodeId } : {}) };
  }

  /** Parses Jira's JSON with a schema; a body that is not JSON, or not Jira's, is an unexpected-response. */
  parse<T extends z.ZodType>(answer: Pick<HttpAnswer, 'status' | 'contentType' | 'text'>, schema: T): z.infer<T> {
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw appError('unexpected-response', `Jira's answer (status ${answer.status}) is not valid JSON.`, {
        nextStep: 'Check that the base URL points at Jira itself and that no proxy alters the response.',
        status: answer.status,
        contentType: answer.contentType,
      });
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      throw appError('unexpected-response', `The server's JSON does not look like Jira's (status ${answer.status}).`, {
        nextStep: 'Check that the base URL points at Jira Server or Data Center.',
        status: answer.status,
        contentType: answer.contentType,
      });
    }
    return result.data;
  }

  private async send(method: string, target: string | URL, expect: Expect, body?: unknown): Promise<Exchange> {
    let url = typeof target === 'string' ? new URL(this.baseUrl + target) : target;
    for (let hop = 0; ; hop++) {
      const response = await this.exchange(method, url, expect, body);
      const status = response.status;
      if (status >= 300 && status < 400) {
        const location = headerValue(response, 'location');
        const next = location ? new URL(location, url) : undefined;
        if (!next || next.origin !== url.origin || method !== 'GET' || hop >= MAX_SAME_ORIGIN_REDIRECTS) {
          throw redirected(url, next, status);
        }
        url = next;
        continue;
      }
      if (
        expect === 'json' &&
        status !== 204 &&
        !isJson(response.contentType) &&
        status < 500 &&
        status !== 429 &&
        status !== 407
      ) {
        throw generalFailure(response, this.options.now());
      }
      return response;
    }
  }

  private async exchange(method: string, url: URL, expect: Expect, body: unknown): Promise<Exchange> {
    const started = this.options.now();
    if (started < this.blockedUntil) throw rateLimited(Math.ceil((this.blockedUntil - started) / 1000));
    const bearer = this.options.bearerToken?.();
    const cookie = bearer === undefined ? await this.jar.getCookieString(url.href) : '';
    let response: AxiosResponse<Buffer>;
    try {
      response = await this.http.request<Buffer>({
        url: url.href,
        method,
        data: body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          Accept: expect === 'image' ? 'image/*' : 'application/json',
          'X-Atlassian-Token': 'no-check',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(bearer !== undefined ? { Authorization: `Bearer ${bearer}` } : cookie ? { Cookie: cookie } : {}),
        },
      });
    } catch (error) {
      this.report(method, url, 'failed', started);
      throw await transportFailure(error, {
        url,
        timeoutMs: this.options.timeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
        ...(this.options.trust?.pinnedCertificate
          ? { pinnedFingerprint256: this.options.trust.pinnedCertificate.fingerprint256 }
          : {}),
        inspectCertificate: () => inspectCertificate(url, this.options.timeoutMs),
      });
    }
    this.report(method, url, response.status, started);
    if (bearer === undefined) await this.keepCookies(url, response.headers['set-cookie']);
    if (response.status === 429) {
      this.blockedUntil =
        this.options.now() +
        retryAfterSeconds({ headers: response.headers as HttpAnswer['headers'] }, this.options.now()) * 1000;
    }
    const data = Buffer.isBuffer(response.data) ? response.data : Buffer.from(response.data ?? '');
    const contentType =
      String(response.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    return {
      status: response.status,
      headers: response.headers as Record<string, string | string[] | undefined>,
      contentType,
      body: data,
      text: expect === 'image' ? '' : data.toString('utf8'),
    };
  }

  private async keepCookies(url: URL, setCookie: string[] | undefined): Promise<void> {
    if (!setCookie?.length) return;
    for (const header of setCookie) {
      // A malformed or foreign-domain cookie is the server's mistake; it must not fail the call.
      await this.jar.setCookie(header, url.href, { ignoreError: true });
    }
    this.summary = undefined;
  }

  private report(method: string, url: URL, status: number | 'failed', started: number): void {
    this.options.onExchange?.({ method, path: url.pathname, status, ms: this.options.now() - started });
  }
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

function redirected(from: URL, to: URL | undefined, status: number): AppError {
  if (!to) {
    return appError('unexpected-response', `Jira answered ${status} without saying where to go.`, { status });
  }
  const sso = /saml|sso|oauth|openid|login/i.test(to.pathname + to.search);
  return appError('redirected', `${from.host} redirected the request to ${to.origin}${to.pathname}.`, {
    location: to.href,
    status,
    nextStep: sso
      ? 'The server sends sign-ins to a single sign-on page: use the web login instead.'
      : to.origin !== from.origin
        ? `If ${to.origin} is the server's real address, use it as the base URL.`
        : 'Check the base URL.',
  });
}
