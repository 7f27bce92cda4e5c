// First run: nothing saved yet, so say what the app does and what to do first.
import { AppMark, PlusIcon } from './icons';
import './empty-state.css';

export interface EmptyStateProps {
  modifier: 'Cmd' | 'Ctrl';
  /** Whether this computer has a usable keychain: the steps promise it only then. */
  hasKeychain: boolean;
  onAddServer(): void;
}

export function EmptyState({ modifier, hasKeychain, onAddServer }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <AppMark size={56} className="empty-state-mark" />
      <h2 id="empty-state-title" tabIndex={-1} data-focus="pane-heading">
        Add your first Jira server
      </h2>
      <p>
        Jira Session Manager keeps you signed in to all the Jira Data Center and Service Management servers you look
        after, shows who you are signed in as on each, and signs you out of one or all of them at once.
      </p>
      <ol className="empty-state-steps">
        <li>
          <span>
            <strong>Add a server</strong> with its address and your username.
          </span>
        </li>
        <li>
          <span>
            <strong>Test the connection</strong> to check the address and its certificate before saving.
          </span>
        </li>
        <li>
          <span>
            <strong>Sign in</strong> with your password.{' '}
            {hasKeychain
              ? 'It is only kept if you ask, and only in your system’s keychain.'
              : 'It is not kept: this computer has no usable keychain.'}
          </span>
        </li>
      </ol>
      <button
        type="button"
        className="button button-primary button-large"
        onClick={onAddServer}
        data-focus="add-server"
      >
        <PlusIcon />
        Add server
      </button>
      <p className="empty-state-hint">
        or press <kbd>{modifier}</kbd>+<kbd>N</kbd>
      </p>
    </section>
  );
}
