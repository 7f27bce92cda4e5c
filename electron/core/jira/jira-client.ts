// One Jira server as seen from one profile: an axios instance with its own TLS trust and a tough-cookie jar
// that keeps every cookie the server sets (JSESSIONID under the context path, the XSRF token, a cluster's
// sticky load-balancer cookie) and sends them back only to that server.
import type { AxiosResponse } from 'axios';
import { CookieJar } from 'tough-cookie';
import type { LoginInfo, ServerInfo } from '../../shared/model';
import { avatarDataUri, avatarTarget } from './avatar';
import { summarizeJar, type JarSummary } from './jar-summary';
import {
  generalFailure,
  headerValue,
  isJson,
  loginFailure,
  loginReasons,
  retryAfterSeconds,
  sessionFailure,
  type HttpAnswer,
} from './errors';
import { createHttpInstance, type HttpInstance, type HttpInstanceOptions } from './http-instance';
import {
  authSuccessSchema,
  currentUserSchema,
  parseAnswer,
  serverInfoSchema,
  toLoginInfo,
  toServerInfo,
  userBeanSchema,
  type UserBean,
} from './jira-payloads';
import { RateLimitGate } from './rate-limit-gate';
import { nextHop } from './redirects';
import { requestSignal, wasCancelled, type SignalOptions } from './request-signal';
import { inspectCertificate, transportFailure } from './transport';

export type { ProxySettings } from './http-instance';

export interface JiraClientOptions extends HttpInstanceOptions {
  baseUrl: string;
  now: () => number;
  /**
   * A personal access token to send as `Authorization: Bearer` instead of the cookie jar: while it answers one, no
   * cookie is sent and none is kept (Jira ends a token request's session, and a stale session id next to a token
   * gets 401s).
   */
  bearerToken?: () => string | undefined;
  /** Shared by the clients of one service, so a 429 holds back every client of that server. */
  rateLimits?: RateLimitGate;
  /** Called once per HTTP exchange with nothing secret: method, path, status, duration. */
  onExchange?: (exchange: { method: string; path: string; status: number | 'failed'; ms: number }) => void;
  signal?: SignalOptions['signal'];
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

export class JiraClient {
  private readonly http: HttpInstance;
  private readonly baseUrl: string;
  private readonly rateLimits: RateLimitGate;
  private jar: CookieJar;
  /** Names and identity of the jar's cookies, derived once per change of the jar (serialising it is not cheap). */
  private summary: JarSummary | undefined;

  constructor(
    private readonly options: JiraClientOptions,
    jar: CookieJar = new CookieJar(),
  ) {
    this.baseUrl = options.baseUrl;
    this.jar = jar;
    this.rateLimits = options.rateLimits ?? new RateLimitGate();
    this.http = createHttpInstance(options);
  }

  /**
   * POST /rest/auth/1/session on a fresh jar (a new session, and a new cluster node if the balancer picks one).
   * The user is the one who signed in: this answer's X-AUSERNAME was stamped before the login ran and may say
   * `anonymous`, so it is never read here; myself and GET /rest/auth/1/session name the user afterwards.
   */
  async login(username: string, password: string): Promise<SessionFacts> {
    const previous = this.jar;
    this.replaceJar(new CookieJar());
    try {
      const answer = await this.send('POST', '/rest/auth/1/session', 'json', { username, password });
      const denied = loginReasons(answer).includes('AUTHENTICATION_DENIED');
      if (answer.status !== 200 || denied) throw loginFailure(answer, this.options.now());
      const body = parseAnswer(answer, authSuccessSchema);
      await this.endReplacedSession(previous);
      return this.facts(answer, username, toLoginInfo(body.loginInfo));
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
    const body = parseAnswer(answer, currentUserSchema);
    if (headerValue(answer, 'x-ausername') === 'anonymous') {
      throw sessionFailure({ ...answer, status: 401 }, this.options.now(), true);
    }
    return this.facts(answer, body.name, toLoginInfo(body.loginInfo));
  }

  async myself(): Promise<UserBean> {
    const answer = await this.send('GET', '/rest/api/2/myself?expand=groups', 'json');
    if (answer.status !== 200) throw sessionFailure(answer, this.options.now(), this.hasSession());
    return parseAnswer(answer, userBeanSchema);
  }

  /** Public, but Seraph still refuses a stale session cookie on it (an HTML 401): that is an ended session. */
  async serverInfo(): Promise<ServerInfo> {
    const answer = await this.send('GET', '/rest/api/2/serverInfo', 'json');
    if (answer.status !== 200) throw sessionFailure(answer, this.options.now(), this.hasSession());
    return toServerInfo(parseAnswer(answer, serverInfoSchema));
  }

  /** Loads an avatar with the session, only from this server's origin; undefined when there is none to show. */
  async avatarDataUri(avatarUrls: Record<string, string> | undefined): Promise<string | undefined> {
    const url = avatarTarget(avatarUrls, this.baseUrl);
    return url ? avatarDataUri(await this.send('GET', url, 'image')) : undefined;
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
    return (this.summary ??= summarizeJar(this.jar)).names;
  }

  hasSession(): boolean {
    return this.cookieNames().includes('JSESSIONID');
  }

  /** Changes whenever a cookie is set, replaced or dropped (not when one is merely sent), to skip needless re-sealing. */
  cookieVersion(): string {
    return (this.summary ??= summarizeJar(this.jar)).version;
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
    this.http.dispose();
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

  private facts(answer: Exchange, username: string, loginInfo: LoginInfo | undefined): SessionFacts {
    const nodeId = headerValue(answer, 'x-anodeid');
    return { username, ...(loginInfo ? { loginInfo } : {}), ...(nodeId ? { nodeId } : {}) };
  }

  private async send(method: string, target: string | URL, expect: Expect, body?: unknown): Promise<Exchange> {
    let url = typeof target === 'string' ? new URL(this.baseUrl + target) : target;
    for (let hop = 0; ; hop++) {
      const response = await this.exchange(method, url, expect, body);
      const next = nextHop(response, url, method, hop);
      if (next) {
        url = next;
        continue;
      }
      // A success that is not JSON is someone else's page (SSO, a proxy). Failures are mapped by status and
      // headers whatever their body: Jira's 401s, CAPTCHA 403s and 429s often come as HTML.
      if (expect === 'json' && response.status < 400 && response.status !== 204 && !isJson(response.contentType)) {
        // Behind single sign-on, a session that has ended is sent on to the login page: HTML that speaks for nobody.
        const sentToLoginPage = method === 'GET' && headerValue(response, 'x-ausername') === 'anonymous';
        if (sentToLoginPage && this.hasSession()) {
          throw sessionFailure({ ...response, status: 401 }, this.options.now(), true);
        }
        throw generalFailure(response, this.options.now());
      }
      return response;
    }
  }

  private async exchange(method: string, url: URL, expect: Expect, body: unknown): Promise<Exchange> {
    const started = this.options.now();
    this.rateLimits.check(url.origin, started);
    const bearer = this.options.bearerToken?.();
    const cookie = bearer === undefined ? await this.jar.getCookieString(url.href) : '';
    let response: AxiosResponse<Buffer>;
    try {
      response = await this.http.request<Buffer>({
        url: url.href,
        method,
        data: body,
        signal: requestSignal(this.options),
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
        cancelled: wasCancelled(this.options),
        timeoutMs: this.options.timeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
        ...(this.options.trust?.pinnedCertificate
          ? { pinnedFingerprint256: this.options.trust.pinnedCertificate.fingerprint256 }
          : {}),
        inspectCertificate: () => inspectCertificate(url, this.options.timeoutMs, this.options.proxy),
      });
    }
    this.report(method, url, response.status, started);
    if (bearer === undefined) await this.keepCookies(url, response.headers['set-cookie']);
    const headers = response.headers as HttpAnswer['headers'];
    if (response.status === 429) {
      const now = this.options.now();
      this.rateLimits.block(url.origin, now + retryAfterSeconds({ headers }, now) * 1000);
    }
    // responseType 'arraybuffer' gives a Buffer under Node; a body axios could not read counts as empty.
    const raw: unknown = response.data;
    const data = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const contentType =
      String(response.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    return {
      status: response.status,
      headers,
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
