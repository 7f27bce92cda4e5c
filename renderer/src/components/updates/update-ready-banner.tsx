// Above the server pane once an update has downloaded: it installs only when the person presses Restart to update.
// "Later" puts it away for this version until the app starts again (the tray and the menus still offer it).
import { useState } from 'react';
import type { JiraSessionsBridge } from '../../bridge';
import { useUpdates } from '../../hooks/use-updates';
import { ErrorNotice } from '../error-notice';
import { InfoIcon } from '../icons';
import { Notice } from '../notice';

export function UpdateReadyBanner({ bridge }: { bridge: JiraSessionsBridge }) {
  const { state, error, install, dismissError } = useUpdates(bridge);
  const [laterFor, setLaterFor] = useState<string | null>(null);
  const ready = state?.status === 'downloaded' && state.version !== laterFor ? state : null;
  if (!ready && !error) return null;
  return (
    <div className="main-notices">
      {ready ? (
        <Notice
          tone="info"
          banner
          heading="h2"
          icon={<InfoIcon size={18} />}
          title={`Version ${ready.version ?? ''} is ready to install`}
          onDismiss={() => setLaterFor(ready.version ?? '')}
        >
          <p className="notice-message">
            It was downloaded in the background. The app closes, updates and starts again when you restart it.
          </p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={install}>
              Restart to update
            </button>
            <button type="button" className="button" onClick={() => setLaterFor(ready.version ?? '')}>
              Later
            </button>
          </div>
        </Notice>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
    </div>
  );
}
