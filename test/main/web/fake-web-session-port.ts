// The core's web session port for the web-window tests: a jar per profile that tests fill, an answer for
// adoptSignIn that tests choose, every call recorded (with a copy of the cookies it carried), and changes fired
// by hand as the core would fire them.
import type { WebCookie, WebSessionChange, WebSessionPort } from '../../../electron/core/web/web-session-port';
import type { SessionState } from '../../../electron/shared/model';

export type PortCall =
  | { method: 'cookies'; profileId: string }
  | { method: 'adoptSignIn' | 'sync'; profileId: string; cookies: WebCookie[] };

export class FakeWebSessionPort implements WebSessionPort {
  readonly jars = new Map<string, WebCookie[]>();
  readonly calls: PortCall[] = [];
  /** What adoptSignIn answers: null until a test says the cookies name a signed-in user. */
  adopt: (profileId: string, cookies: WebCookie[]) => SessionState | null = () => null;
  private readonly listeners = new Set<(change: WebSessionChange) => void>();

  async cookies(profileId: string): Promise<WebCookie[]> {
    this.calls.push({ method: 'cookies', profileId });
    return structuredClone(this.jars.get(profileId) ?? []);
  }

  async adoptSignIn(profileId: string, cookies: WebCookie[]): Promise<SessionState | null> {
    this.calls.push({ method: 'adoptSignIn', profileId, cookies: structuredClone(cookies) });
    return this.adopt(profileId, cookies);
  }

  async sync(profileId: string, cookies: WebCookie[]): Promise<void> {
    this.calls.push({ method: 'sync', profileId, cookies: structuredClone(cookies) });
  }

  onChange(listener: (change: WebSessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  emit(change: WebSessionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  callsOf(method: PortCall['method']): PortCall[] {
    return this.calls.filter((call) => call.method === method);
  }
}
