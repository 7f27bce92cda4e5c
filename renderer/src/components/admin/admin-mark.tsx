// The small mark that says an account administers a server, in the list and in the pane's header.
import type { AdminLevel } from '../../../../electron/shared/model';
import './admin-mark.css';

export const ADMIN_LEVEL_TEXT: Record<AdminLevel, string> = {
  'system-admin': 'System administrator',
  admin: 'Administrator',
  none: 'Not an administrator',
};

export function isAdministrator(level: AdminLevel | undefined): boolean {
  return level === 'admin' || level === 'system-admin';
}

export function AdminMark({ level }: { level: AdminLevel | undefined }) {
  if (!isAdministrator(level) || level === undefined) return null;
  return (
    <span className={`admin-mark admin-mark-${level}`} title={ADMIN_LEVEL_TEXT[level]}>
      <span aria-hidden="true">{level === 'system-admin' ? 'Sys admin' : 'Admin'}</span>
      <span className="visually-hidden">{ADMIN_LEVEL_TEXT[level]}</span>
    </span>
  );
}
