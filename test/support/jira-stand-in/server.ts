// The transport around the Jira resources: one HTTP(S) listener on 127.0.0.1 that records every request, then
// applies latency, injected faults, the rate limit and the cluster's balancer before "Jira" answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import { Balancer } from './balancer';
import type { PemPair } from './certificates';
import { createCertificateAuthority, issueServerCertificate } from './certificates';
import { ConnectionTracker, delayConnections, HungRequests, listenOnLoopback } from './connections';
import { newServerId, parseCookies, routeCookie } from './cookies';
import { FaultQueue, writeFault } from './faults';
import { startIdentityProvider } from './identity-provider';
import type { JiraInstance, Reply } from './jira-api';
import { answerJira, html, json } from './jira-api';
import { rateLimitPage } from './pages';
import { TokenStore } from './personal-access-tokens';
import { RateLimiter } from './rate-limiter';
import { DEFAULT_IDLE_TIMEOUT_MS } from './sessions';
import type { Session } from './sessions';
import { TwoStepVerifier } from './two-step';
import type { AdjustableOptions, JiraStandIn, RecordedRequest, StandInOptions } from './types';
import { SEEDED_USERS, UserDirectory } from './users';
import { holdsWebSudo } from './websudo';

function normalizeContextPath(contextPath: string | undefined): string {
  const trimmed = (contextPath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The path relative to the context path, or undefined when the request is outside the web application. */
function relativePath(pathname: string, contextPath: string): string | undefined {
  if (contextPath === '') return pathname;
  if (pathname === contextPath) return '/';
  return pathname.startsWith(`${contextPath}/`) ? pathname.slice(contextPath.length) : undefined;
}

/** Jira's X-AREQUESTID: minute of the day, a request counter, and the number of requests in flight. */
function requestId(counter: number, inFlight: number): string {
  const now = new Date();
  return `${now.getUTCHours() * 60 + now.getUTCMinutes()}x${counter}x${inFlight}`;
}

export async function startJiraStandIn(options: StandInOptions = {}): Promise<JiraStandIn> {
  const contextPath = normalizeContextPath(options.contextPath);
  const secure = options.https === true;
  const authority = secure ? await createCertificateAuthority() : undefined;
  let leaf: PemPair | undefined = authority ? await issueServerCertificate(authority) : undefined;

  const settings = {
    latencyMs: options.latencyMs ?? 0,
    connectionLatencyMs: options.connectionLatencyMs ?? 0,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    captchaAfterFailures: options.captchaAfterFailures,
    basicAuthDisabled: options.basicAuthDisabled === true,
    sso: options.sso === true,
    twoStep: options.twoStep === true,
    webSudoDisabled: options.webSudoDisabled === true,
    tokensUnavailable: options.tokensUnavailable === true,
  };

  const server = leaf ? createHttpsServer({ key: leaf.keyPem, cert: leaf.certPem }) : createHttpServer();
  const connections = new ConnectionTracker();
  const hung = new HungRequests();
  server.on('connection', (socket) => connections.track(socket));
  let tlsHandshakes = 0;
  server.on('secureConnection', () => (tlsHandshakes += 1));
  delayConnections(server, () => settings.connectionLatencyMs);
  const port = await listenOnLoopback(server, options.port ?? 0);
  const origin = `${secure ? 'https' : 'http'}://127.0.0.1:${port}`;

  const users = new UserDirectory(options.users ?? SEEDED_USERS);
  const baseUrl = `${origin}${contextPath}`;
  const identityProvider =
    options.sso === true
      ? await startIdentityProvider({
          users,
          audience: baseUrl,
          ...(authority ? { certificate: await issueServerCertificate(authority) } : {}),
        })
      : undefined;
  const jira: JiraInstance = {
    origin,
    contextPath,
    baseUrl,
    cookieScope: { path: contextPath === '' ? '/' : contextPath, secure },
    serverTitle: options.serverTitle ?? 'Jira Stand-in',
    version: options.version ?? '10.3.4',
    serverId: newServerId(),
    users,
    settings,
    tokens: new TokenStore(),
    twoStep: new TwoStepVerifier(),
    identityProvider,
  };
  let rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const balancer = new Balancer(options.cluster === true);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  let requestCounter = 0;
  let inFlight = 0;

  function write(res: ServerResponse, reply: Reply, common: Record<string, string | string[]>): void {
    const headers: Record<string, string | string[]> = { ...common, ...reply.headers };
    // Jira's cookies and the balancer's ROUTEID travel together.
    const cookies = [reply.headers?.['Set-Cookie'] ?? [], common['Set-Cookie'] ?? []].flat();
    if (cookies.length > 0) headers['Set-Cookie'] = cookies;
    const body = reply.body ?? '';
    if (reply.contentType !== undefined) headers['Content-Type'] = reply.contentType;
    headers['Content-Length'] = String(Buffer.byteLength(body));
    res.writeHead(reply.status, headers);
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      url: req.url ?? '/',
      cookie: req.headers.cookie,
      headers: { ...req.headers },
      inFlight,
    };
    requests.push(recorded);
    const common: Record<string, string | string[]> = {
      'X-AREQUESTID': requestId(++requestCounter, inFlight),
      'X-Content-Type-Options': 'nosniff',
    };

    if (settings.latencyMs > 0) await delay(settings.latencyMs, undefined, { signal: closing.signal });

    const path = relativePath(url.pathname, contextPath);
    const fault = faults.take(method, path ?? url.pathname);
    if (fault !== undefined) {
      if (fault.kind === 'hang') hung.add(req);
      writeFault(fault, req, res, {
        serverTitle: jira.serverTitle,
        contextPath,
        reset: () => connections.reset(req.socket),
      });
      return;
    }

    const now = Date.now();
    if (rateLimiter !== undefined) {
      const decision = rateLimiter.take(req.socket.remoteAddress ?? 'unknown', now);
      Object.assign(common, decision.headers);
      if (!decision.allowed) {
        common['X-AUSERNAME'] = 'anonymous';
        // Tomcat's HTML page, whatever Accept asks for: the 429 comes from the servlet container.
        write(res, html(429, rateLimitPage(decision.retryAfterSeconds)), common);
        return;
      }
    }

    if (path === undefined) {
      // Outside the context path there is no Jira, only the web server in front of it.
      write(res, json(404, { errorMessages: ['Not Found'], errors: {} }), { ...common, 'X-AUSERNAME': 'anonymous' });
      return;
    }

    const cookies = parseCookies(req.headers.cookie);
    const route = balancer.route(cookies.get('ROUTEID'));
    if (route.node.id !== undefined) {
      recorded.node = route.node.id;
      common['X-ANODEID'] = route.node.id;
    }
    if (route.assigned) common['Set-Cookie'] = [routeCookie(route.node.id ?? '')];
    const session = route.node.sessions.use(cookies.get('JSESSIONID'), now, settings.idleTimeoutMs);
    const reply = await answerJira(
      { req, method, path, query: url.searchParams, node: route.node, session, now },
      jira,
    );
    const speaker: Session | undefined = reply.session ?? session;
    common['X-AUSERNAME'] = speaker?.username ?? 'anonymous';
    if (speaker !== undefined) common['X-ASESSIONID'] = speaker.hash;
    write(res, reply, common);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return; // the latency wait was cut short by close()
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(500, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify({ errorMessages: [`Stand-in error: ${message}`], errors: {} }));
    });
  });

  let closed: Promise<void> | undefined;

  return {
    baseUrl: jira.baseUrl,
    origin,
    port,
    caPem: authority?.certPem,
    get certificatePem() {
      return leaf?.certPem;
    },
    requests,
    users: users.list(),
    activeSessionCount: () =>
      balancer.nodes.reduce((count, node) => count + node.sessions.activeCount(Date.now(), settings.idleTimeoutMs), 0),
    expireAllSessions: () => {
      for (const node of balancer.nodes) node.sessions.destroyAll();
    },
    solveCaptcha: (username) => users.solveCaptcha(username),
    ...(identityProvider
      ? {
          identityProvider: {
            origin: identityProvider.origin,
            loginUrl: identityProvider.loginUrl,
            issueResponse: identityProvider.issueResponse,
          },
        }
      : {}),
    twoStepCode: (username) => jira.twoStep.code(username),
    webSudoActive: (username) =>
      balancer.nodes.some((node) =>
        node.sessions.ofUser(username).some((session) => holdsWebSudo(session, Date.now())),
      ),
    personalAccessTokens: () => jira.tokens.records(),
    agePersonalAccessToken: (id, ms) => jira.tokens.age(id, ms),
    injectFault: (fault, match) => faults.add(fault, match),
    connectionStats: () => ({ accepted: connections.accepted, open: connections.open, tlsHandshakes }),
    hungRequests: () => hung.open(),
    whenHung: (count) => hung.whenOpen(count),
    replaceCertificate: async () => {
      if (authority === undefined || !('setSecureContext' in server)) {
        throw new Error('replaceCertificate needs a stand-in started with https: true.');
      }
      leaf = await issueServerCertificate(authority);
      server.setSecureContext({ key: leaf.keyPem, cert: leaf.certPem });
    },
    setOptions: (patch: Partial<AdjustableOptions>) => {
      if ('latencyMs' in patch) settings.latencyMs = patch.latencyMs ?? 0;
      if ('connectionLatencyMs' in patch) settings.connectionLatencyMs = patch.connectionLatencyMs ?? 0;
      if ('idleTimeoutMs' in patch) settings.idleTimeoutMs = patch.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
      if ('captchaAfterFailures' in patch) settings.captchaAfterFailures = patch.captchaAfterFailures;
      if ('basicAuthDisabled' in patch) settings.basicAuthDisabled = patch.basicAuthDisabled === true;
      if ('sso' in patch) settings.sso = patch.sso === true;
      if ('twoStep' in patch) settings.twoStep = patch.twoStep === true;
      if ('webSudoDisabled' in patch) settings.webSudoDisabled = patch.webSudoDisabled === true;
      if ('tokensUnavailable' in patch) settings.tokensUnavailable = patch.tokensUnavailable === true;
      if ('rateLimit' in patch) rateLimiter = patch.rateLimit ? new RateLimiter(patch.rateLimit) : undefined;
    },
    close: () => {
      closed ??= Promise.all([
        new Promise<void>((resolve) => {
          closing.abort();
          server.close(() => resolve());
          server.closeAllConnections();
          connections.destroyAll();
        }),
        identityProvider?.close(),
      ]).then(() => undefined);
      return closed;
    },
  };
}
