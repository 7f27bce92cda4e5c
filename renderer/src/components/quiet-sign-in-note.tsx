// A session the app opened by itself with the remembered password: a real login on the server (perhaps a
// production account), so the pane says when and how often today, and offers the notification's own switch.
import { useId } from 'react';
import type { QuietSignIn } from '../../../electron/shared/model';
import { quietSignInSentence } from '../../../electron/shared/quiet-sign-in';
import { RefreshIcon } from './icons';
import { Notice } from './notice';

/** The `notifyQuietSignIn` setting, as the pane shows and changes it. */
export interface QuietSignInSetting {
  on: boolean;
  /** All notifications off: this one cannot show either. */
  notificationsOn: boolean;
  onChange(on: boolean): void;
}

export function QuietSignInNote({ quiet, setting }: { quiet: QuietSignIn; setting: QuietSignInSetting | undefined }) {
  const id = useId();
  return (
    <Notice
      tone="info"
      className="quiet-sign-in"
      icon={<RefreshIcon size={18} />}
      title={`${quietSignInSentence(quiet)}.`}
      side={
        setting ? (
          <span className="quiet-sign-in-toggle">
            <input
              id={`${id}-notify`}
              type="checkbox"
              checked={setting.on}
              disabled={!setting.notificationsOn}
              aria-describedby={setting.notificationsOn ? undefined : `${id}-off`}
              onChange={(event) => setting.onChange(event.target.checked)}
            />
            <label htmlFor={`${id}-notify`}>Notify me each time</label>
          </span>
        ) : undefined
      }
    >
      <p className="notice-message">
        The session had ended; the app signed in with the remembered password. Each time is a real sign-in on the
        server.
        {setting && !setting.notificationsOn ? <span id={`${id}-off`}> Notifications are off.</span> : null}
      </p>
    </Notice>
  );
}
