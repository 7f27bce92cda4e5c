// The floor: what the same checks cost with nothing but node:http — one GET /rest/auth/1/session per server,
// all at once, each on a new connection (as refresh-all's are), carrying a session of its own.
import { Agent, request } from 'node:http';

export interface RawSession {
  url: string;
  cookie: string;
}

/** Signs in with a plain POST and returns the session check's URL with the cookies Jira set. */
export async function rawSignIn(baseUrl: string): Promise<RawSession> {
  const login = await fetch(`${baseUrl}/rest/auth/1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
  });
  await login.arrayBuffer();
  if (login.status !== 200) throw new Error(`raw sign-in to ${baseUrl}: status ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { url: `${baseUrl}/rest/auth/1/session`, cookie };
}

// No keep-alive: every check sets up its connection, like the app's first request to a server in a burst.
const freshConnections = new Agent({ keepAlive: false, maxSockets: Infinity });

export function rawGet(session: RawSession, agent: Agent = freshConnections): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      session.url,
      { agent, headers: { Accept: 'application/json', Cookie: session.cookie } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Every check at once. */
export async function floor(sessions: RawSession[]): Promise<void> {
  await Promise.all(sessions.map((session) => rawGet(session)));
}
