// The store file was unreadable and kept aside: the person should know where (and can open that folder), that
// servers may be missing, and can put the notice away once read.
import { useState } from 'react';
import type { AppInfo } from '../../../electron/shared/model';
import { AlertTriangleIcon } from './icons';
import { Notice } from './notice';

export interface StoreProblemNoticeProps {
  problem: NonNullable<AppInfo['storeProblem']>;
  onShowFolder: () => void;
}

export function StoreProblemNotice({ problem, onShowFolder }: StoreProblemNoticeProps) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <Notice
      tone="danger"
      banner
      heading="h2"
      icon={<AlertTriangleIcon size={18} />}
      title="Saved data could not be read"
      onDismiss={() => setDismissed(true)}
    >
      <p className="notice-message">{problem.message}</p>
      <p className="notice-detail">
        The file was kept as a backup at <span className="mono-soft">{problem.backupPath}</span>
      </p>
      <div className="notice-actions">
        <button type="button" className="button" onClick={onShowFolder}>
          Show folder
        </button>
      </div>
    </Notice>
  );
}
