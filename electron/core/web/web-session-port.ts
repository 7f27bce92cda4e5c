// What the core offers main for Jira's web UI: a profile's cookies out of its jar and back in, and word when a
// profile's session ends. These are functions, not channels: cookie values never cross to the renderer.
import type { SessionState } from '../../shared/model';

/**
 * One cookie in Electron's shape (`Electron.Cookie`), so main hands it to `session.cookies` as it is. Declared
 * here because the core never imports electron.
 */
export interface WebCookie {
  name: string;
  value: string;
  /** The host for a host-only cookie; `.example.com` (leading dot) for a domain cookie. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'unspecified' | 'no_restriction' | 'lax' | 'strict';
  /** Seconds since the epoch; absent for a session cookie. */
  expirationDate?: number;
}

/** A change main acts on: new cookies to copy into the profile's web session, or its session ended. */
export type WebSessionChange =
  | { kind: 'cookies-changed'; profileId: string }
  /** Signed out in the app, removed, or moved to another server or route: close its windows, clear its session. */
  | { kind: 'ended'; profileId: string };

export interface WebSessionPort {
  /** The profile's cookies as they are in its jar, to copy into its web session before the first load. */
  cookies(profileId: string): Promise<WebCookie[]>;
  /**
   * A web sign-in produced these cookies. They are checked with `GET /rest/auth/1/session` using exactly them; when
   * they name a signed-in user they become the profile's session (sealed) and the signed-in state is returned,
   * otherwise null and nothing changes.
   */
  adoptSignIn(profileId: string, cookies: WebCookie[]): Promise<SessionState | null>;
  /**
   * The web window's cookies changed while someone worked in it (a new JSESSIONID after WebSudo, a sign-out in the
   * web UI). The jar takes them and seals them; a session the server no longer knows shows as signed out.
   */
  sync(profileId: string, cookies: WebCookie[]): Promise<void>;
  onChange(listener: (change: WebSessionChange) => void): () => void;
}
