// One node's HTTP session table (Tomcat's session manager). Cluster nodes each own one: sessions are not replicated.
import { createHash, randomBytes } from 'node:crypto';

export const DEFAULT_IDLE_TIMEOUT_MS = 300 * 60 * 1000;

export interface Session {
  /** The JSESSIONID cookie value: 32 upper-case hex digits, like Tomcat's. */
  readonly id: string;
  readonly username: string;
  /** Jira's X-ASESSIONID: a short hash that identifies the session in logs without revealing the cookie. */
  readonly hash: string;
  readonly createdAt: number;
  lastAccessedAt: number;
  /** While set and in the future, the session holds WebSudo (the "secure administrator session"). */
  webSudoUntil?: number;
}

/** 32 upper-case hex digits, like Tomcat's session ids. */
export function newSessionId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

function sessionHash(id: string): string {
  return BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 10)}`).toString(36);
}

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  create(username: string, now: number): Session {
    const id = newSessionId();
    const session: Session = { id, username, hash: sessionHash(id), createdAt: now, lastAccessedAt: now };
    this.sessions.set(id, session);
    return session;
  }

  /** Looks a session up and, like Tomcat, counts the request as activity; an idle-expired one is dropped. */
  use(id: string | undefined, now: number, idleTimeoutMs: number): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (now - session.lastAccessedAt > idleTimeoutMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastAccessedAt = now;
    return session;
  }

  /** The same session under a new id (Tomcat's changeSessionId): the old id stops working. */
  reissue(session: Session, now: number): Session {
    this.sessions.delete(session.id);
    const id = newSessionId();
    const renewed: Session = { ...session, id, hash: sessionHash(id), lastAccessedAt: now };
    this.sessions.set(id, renewed);
    return renewed;
  }

  /** A request that carries no session of its own, such as one authenticated by a personal access token. */
  static transient(username: string, now: number): Session {
    return { id: '', username, hash: sessionHash(newSessionId()), createdAt: now, lastAccessedAt: now };
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  destroyAll(): void {
    this.sessions.clear();
  }

  /** The sessions of one user (for test hooks). */
  ofUser(username: string): Session[] {
    return [...this.sessions.values()].filter((session) => session.username === username);
  }

  /** Sessions that have not yet passed their idle timeout. */
  activeCount(now: number, idleTimeoutMs: number): number {
    for (const [id, session] of this.sessions) {
      if (now - session.lastAccessedAt > idleTimeoutMs) this.sessions.delete(id);
    }
    return this.sessions.size;
  }
}
