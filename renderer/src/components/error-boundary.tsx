// A render error anywhere in the window ends here instead of in a blank page: the person can reload the window
// or open the logs folder to send the log along. Main logs its own failures; the window keeps no log of its own.
import { Component, type ReactNode } from 'react';
import type { JiraSessionsBridge } from '../bridge';
import { AlertOctagonIcon } from './icons';
import { Notice } from './notice';

export interface ErrorBoundaryProps {
  bridge: Pick<JiraSessionsBridge, 'openLogsFolder'>;
  /** Reloads the window; the page's own reload unless a test supplies one. */
  reload?: () => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
  logsUnavailable: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, logsUnavailable: false };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  private readonly reload = () => (this.props.reload ?? (() => window.location.reload()))();

  private readonly openLogs = () => {
    this.props.bridge.openLogsFolder().catch(() => this.setState({ logsUnavailable: true }));
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app-message">
        <Notice
          tone="danger"
          heading="h2"
          icon={<AlertOctagonIcon size={18} />}
          title="Something went wrong in this window"
          role="alert"
        >
          <p className="notice-message">
            Your servers and sessions are safe: they live in the app, not in this window. Reload the window to carry on.
            If it happens again, the log file in the logs folder says what went wrong.
          </p>
          {this.state.logsUnavailable ? <p className="notice-detail">The logs folder could not be opened.</p> : null}
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={this.reload}>
              Reload
            </button>
            <button type="button" className="button" onClick={this.openLogs}>
              Open logs folder
            </button>
          </div>
        </Notice>
      </main>
    );
  }
}
