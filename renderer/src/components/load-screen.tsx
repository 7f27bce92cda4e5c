// What the window shows before the dashboard can: the first load under way, or why it failed with a way to retry.
import type { AppErrorInfo } from '../../../electron/shared/model';
import { ErrorNotice } from './error-notice';

export interface LoadScreenProps {
  phase: 'loading' | 'failed';
  error: AppErrorInfo | undefined;
  onRetry(): void;
}

export function LoadScreen({ phase, error, onRetry }: LoadScreenProps) {
  if (phase === 'failed' && error) {
    return (
      <main className="app-message">
        <ErrorNotice error={error} />
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      </main>
    );
  }
  return (
    <main className="app-message">
      <p role="status" className="muted">
        Loading servers…
      </p>
    </main>
  );
}
