// A policy file that is there but ignored (unreadable, not JSON, against the schema): the window says which file
// and the first problem, so the person can tell their administrator. Dismissible; it returns at the next start.
import { useState } from 'react';
import type { PolicyInfo } from '../../../../electron/shared/policy';
import { AlertTriangleIcon } from '../icons';
import { Notice } from '../notice';

export function PolicyNotice({ policy }: { policy: PolicyInfo }) {
  const [dismissed, setDismissed] = useState(false);
  if (policy.status !== 'invalid' || dismissed) return null;
  return (
    <Notice
      tone="warning"
      banner
      heading="h2"
      className="policy-notice"
      icon={<AlertTriangleIcon size={18} />}
      title="Your administrator's policy is not applied"
      onDismiss={() => setDismissed(true)}
    >
      <p className="notice-message">{policy.problem}</p>
      <p className="notice-detail">
        The app runs without it: no locked servers, no limits. Ask the person who manages this computer to correct the
        file.
      </p>
    </Notice>
  );
}
