// Small warning marks on a server's row: failed sign-ins on the account since the last check, and a sign-out the
// server did not confirm. Each carries its words, so it is read out as well as seen.
import { failedSignInsText, MAY_STILL_BE_SIGNED_IN } from '../../../electron/shared/attention';
import { AlertTriangleIcon } from './icons';
import './attention-badges.css';

export function FailedSignInsBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  const text = failedSignInsText(count);
  return (
    <span className="attention-badge" title={text} data-attention="failed-sign-ins">
      <AlertTriangleIcon size={12} />
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

export function UnconfirmedSignOutBadge({ shown }: { shown: boolean | undefined }) {
  if (!shown) return null;
  return (
    <span className="attention-badge" title={MAY_STILL_BE_SIGNED_IN} data-attention="unconfirmed-sign-out">
      <AlertTriangleIcon size={12} />
      <span className="visually-hidden">{MAY_STILL_BE_SIGNED_IN}</span>
    </span>
  );
}
