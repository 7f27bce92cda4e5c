// A session's state told three ways at once: shape, words and colour, so it never depends on colour alone.
import { memo, type ReactNode } from 'react';
import { STATUS_TEXT, type DisplayStatus } from '../view-model';
import { AlertOctagonIcon, CheckCircleIcon, ClockIcon, EmptyCircleIcon, SpinnerIcon } from './icons';
import './status-badge.css';

const ICONS: Record<DisplayStatus, (size: number) => ReactNode> = {
  'signed-in': (size) => <CheckCircleIcon size={size} />,
  'signed-out': (size) => <EmptyCircleIcon size={size} />,
  expired: (size) => <ClockIcon size={size} />,
  error: (size) => <AlertOctagonIcon size={size} />,
  'signing-in': (size) => <SpinnerIcon size={size} />,
  checking: (size) => <SpinnerIcon size={size} />,
  'signing-out': (size) => <SpinnerIcon size={size} />,
};

export interface StatusBadgeProps {
  status: DisplayStatus;
  /** Replaces the standard words, e.g. "Signed in as fred" in the list. */
  text?: string;
  variant?: 'pill' | 'inline';
}

export const StatusBadge = memo(function StatusBadge({ status, text, variant = 'pill' }: StatusBadgeProps) {
  return (
    <span className={`status status-${status} status-${variant}`} data-status={status}>
      {ICONS[status](variant === 'pill' ? 14 : 13)}
      <span className="status-text">{text ?? STATUS_TEXT[status]}</span>
    </span>
  );
});
