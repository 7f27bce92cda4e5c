// A signed-in administrator's admin access: the level Jira reports, and ending the secure administrator session
// (WebSudo) this session may hold after an admin page was opened.
import { useState } from 'react';
import type { WebSudoResult } from '../../../../electron/shared/admin';
import type { AppErrorInfo, SessionState } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { ErrorNotice } from '../error-notice';
import { ADMIN_LEVEL_TEXT, isAdministrator } from './admin-mark';
import './admin-access.css';

export interface AdminAccessProps {
  bridge: JiraSessionsBridge;
  session: SessionState;
  baseUrl: string;
  onOpenAdministration(): void;
}

export function AdminAccess({ bridge, session, baseUrl, onOpenAdministration }: AdminAccessProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WebSudoResult | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const level = session.adminLevel;
  if (!isAdministrator(level) || level === undefined) return null;
  // A token session never holds WebSudo: Jira does not ask token requests for it.
  const holdsCookieSession = session.cookieNames.includes('JSESSIONID');

  const release = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await bridge.releaseAdminAccess(session.profileId));
    } catch (reason) {
      setError(readAppError(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card admin-access-card" aria-label="Admin access">
      <div className="admin-access">
        <div>
          <h3 className="card-title">Admin access</h3>
          <p className="card-subtitle">{ADMIN_LEVEL_TEXT[level]} on this server.</p>
        </div>
        <div className="inline-actions">
          <button type="button" className="button" onClick={onOpenAdministration}>
            Open the administration page
          </button>
          {holdsCookieSession ? (
            <button
              type="button"
              className="button"
              onClick={() => void release()}
              disabled={busy}
              aria-busy={busy || undefined}
            >
              {busy ? 'Ending admin access…' : 'End admin access'}
            </button>
          ) : null}
        </div>
      </div>
      <p role="status" className="muted">
        {result?.released ? 'Admin access ended: Jira asks for your password again on the next admin page.' : ''}
      </p>
      {error ? <ErrorNotice error={error} baseUrl={baseUrl} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
