// The mark a server keeps after a sign-out its server did not confirm: the session may still be open there. "Try
// again" sends the DELETE once more with that session's cookies; the mark goes when it succeeds or finds the
// session gone.
import { useState } from 'react';
import { MAY_STILL_BE_SIGNED_IN } from '../../../electron/shared/attention';
import type { AppErrorInfo, ServerProfile, SessionState } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import { AlertTriangleIcon, RefreshIcon, SpinnerIcon } from './icons';
import { Notice } from './notice';

export interface UnconfirmedSignOutProps {
  bridge: JiraSessionsBridge;
  profile: ServerProfile;
  applySession(state: SessionState): void;
}

export function UnconfirmedSignOut({ bridge, profile, applySession }: UnconfirmedSignOutProps) {
  const [trying, setTrying] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const tryAgain = async () => {
    setTrying(true);
    setError(null);
    try {
      const result = await bridge.retrySignOut(profile.id);
      applySession(result.state);
      if (!result.serverConfirmed && result.error) setError(result.error);
    } catch (reason) {
      setError(readAppError(reason));
    } finally {
      setTrying(false);
    }
  };

  return (
    <Notice
      tone="warning"
      heading="h3"
      className="unconfirmed-sign-out"
      icon={<AlertTriangleIcon size={18} />}
      title={MAY_STILL_BE_SIGNED_IN}
      side={
        <button
          type="button"
          className="button"
          onClick={() => void tryAgain()}
          disabled={trying}
          aria-busy={trying || undefined}
        >
          {trying ? <SpinnerIcon /> : <RefreshIcon />}
          {trying ? 'Trying again…' : 'Try again'}
        </button>
      }
    >
      <p className="notice-message">
        {profile.label} did not confirm the last sign-out from this computer, so that session may still be open on the
        server until it times out.
      </p>
      {error ? (
        <p className="notice-detail" role="alert">
          Still not confirmed: {error.message}
        </p>
      ) : null}
    </Notice>
  );
}
