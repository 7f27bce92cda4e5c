// One line per server after an action on many of them (sign in to all expired, sign out of all, a bulk action):
// what happened there, failures first, and "Go to server" where the person has to step in.
import type { ReactNode } from 'react';
import type { ServerProfile } from '../../../electron/shared/model';
import { AlertTriangleIcon, CheckCircleIcon, EmptyCircleIcon, KeyIcon } from './icons';
import './results-list.css';

/** `skipped`: the action had nothing to do there (a selected server that was not signed in, say). */
export type ResultTone = 'failed' | 'needs-you' | 'ok' | 'skipped';

export interface ResultLine {
  profileId: string;
  tone: ResultTone;
  text: string;
  detail?: string;
}

const RANK: Record<ResultTone, number> = { failed: 0, 'needs-you': 1, ok: 2, skipped: 3 };
const ICON: Record<ResultTone, ReactNode> = {
  failed: <AlertTriangleIcon size={16} />,
  'needs-you': <KeyIcon size={16} />,
  ok: <CheckCircleIcon size={16} />,
  skipped: <EmptyCircleIcon size={16} />,
};
const CLASS: Record<ResultTone, string> = {
  failed: 'result-local',
  'needs-you': 'result-local',
  ok: 'result-ok',
  skipped: 'result-skipped',
};

/** Failures first, then what needs the person, then what worked, then what was left alone; stable within each. */
export function failuresFirstLines(lines: readonly ResultLine[]): ResultLine[] {
  return [...lines].sort((a, b) => RANK[a.tone] - RANK[b.tone]);
}

export interface ResultsListProps {
  /** The list's accessible name ("Sign-out results"). */
  label: string;
  lines: readonly ResultLine[];
  profiles: readonly ServerProfile[];
  /** Offered on failed and needs-you lines: go to that server (the dialog closes first). */
  onGoTo?(profileId: string): void;
}

export function ResultsList({ label, lines, profiles, onGoTo }: ResultsListProps) {
  return (
    <ul className={`results-list${onGoTo ? ' expired-results' : ''}`} aria-label={label}>
      {failuresFirstLines(lines).map((line) => {
        const name = profiles.find((profile) => profile.id === line.profileId)?.label ?? line.profileId;
        const stepIn = onGoTo && (line.tone === 'failed' || line.tone === 'needs-you');
        return (
          <li key={line.profileId} className={CLASS[line.tone]}>
            <span className="result-icon">{ICON[line.tone]}</span>
            <span className="result-main">
              <span className="result-label">{name}</span>
              <span className="result-text">{line.text}</span>
              {line.detail ? <span className="result-detail">{line.detail}</span> : null}
            </span>
            {stepIn ? (
              <button
                type="button"
                className="button button-small result-action"
                aria-label={`Go to ${name}`}
                onClick={() => onGoTo(line.profileId)}
              >
                Go to server
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
