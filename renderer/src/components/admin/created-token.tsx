// The token just created, shown once: its value, a copy button (main clears the clipboard after a minute if the
// token is still on it), and a reminder that the app keeps no copy.
import { useState } from 'react';
import type { CreatedToken } from '../../../../electron/shared/admin';
import type { JiraSessionsBridge } from '../../bridge';
import './created-token.css';

export function CreatedTokenPanel({
  token,
  bridge,
  onDismiss,
}: {
  token: CreatedToken;
  bridge: JiraSessionsBridge;
  onDismiss(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined);
  const copy = () => {
    bridge.copyToken(token.rawToken).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="token-created" aria-label={`New token ${token.name}`}>
      <p>
        <strong>Copy your new token “{token.name}” now.</strong> It is shown only once, and this app keeps no copy.
      </p>
      <code className="token-value" aria-label="Token value">
        {token.rawToken}
      </code>
      <div className="inline-actions">
        <button type="button" className="button button-primary button-small" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDismiss}>
          Done
        </button>
        <span role="status" className="muted">
          {copied === 'yes'
            ? 'Copied. The clipboard is cleared in 60 seconds if it still holds the token.'
            : copied === 'failed'
              ? 'Could not copy: select the token and copy it by hand.'
              : ''}
        </span>
      </div>
    </section>
  );
}
