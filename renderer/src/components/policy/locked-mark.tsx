// The lock beside a server the administrator's policy set: it cannot be edited or removed here, and says why.
import { POLICY_REASONS } from '../../../../electron/shared/policy';
import { LockIcon } from '../icons';
import './locked-mark.css';

export function LockedMark({ withText = false }: { withText?: boolean }) {
  return (
    <span className="locked-mark" title={POLICY_REASONS.lockedServer}>
      <LockIcon size={13} aria-hidden="true" />
      {withText ? <span>Set by your administrator</span> : <span className="visually-hidden">, locked by policy</span>}
    </span>
  );
}
