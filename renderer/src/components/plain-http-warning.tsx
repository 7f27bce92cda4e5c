// http:// is allowed (some internal servers have nothing else), but never silently: the password and the session
// cookie cross the network in clear. The words come from the shared rule, so every place says the same.
import { plainHttpWarning } from '../../../electron/shared/base-url';
import { AlertTriangleIcon } from './icons';
import { Notice } from './notice';

/** The full warning, where a password is about to be typed. */
export function PlainHttpNotice({ baseUrl }: { baseUrl: string }) {
  const warning = plainHttpWarning(baseUrl);
  if (!warning) return null;
  return (
    <Notice tone="warning" icon={<AlertTriangleIcon size={18} />} title="Not encrypted" role="note">
      <p className="notice-message">{warning}</p>
    </Notice>
  );
}

/** A short mark beside the server's address. */
export function PlainHttpMark({ baseUrl }: { baseUrl: string }) {
  const warning = plainHttpWarning(baseUrl);
  if (!warning) return null;
  return (
    <span className="with-icon text-warning" title={warning}>
      <AlertTriangleIcon size={14} />
      Not encrypted
    </span>
  );
}
