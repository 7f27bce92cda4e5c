// Across every signed-in server: the personal access tokens that expire within 14 days, asked again whenever the
// set of signed-in servers changes.
import { useEffect, useMemo, useState } from 'react';
import { EXPIRY_WINDOW_DAYS, type ExpiringToken } from '../../../../electron/shared/admin';
import type { ServerProfile, SessionState } from '../../../../electron/shared/model';
import type { JiraSessionsBridge } from '../../bridge';
import { useNow } from '../../hooks/use-now';
import { ClockIcon } from '../icons';
import { Notice } from '../notice';
import { TimeValue } from '../time-value';
import './expiring-tokens.css';

export interface ExpiringTokensProps {
  bridge: JiraSessionsBridge;
  profiles: readonly ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
}

export function ExpiringTokens({ bridge, profiles, sessions }: ExpiringTokensProps) {
  const now = useNow();
  // Kept with the signed-in servers they were asked for, so an answer for an older set is never shown.
  const [answer, setAnswer] = useState<{ key: string; tokens: ExpiringToken[] }>({ key: '', tokens: [] });
  const signedInKey = useMemo(
    () =>
      [...sessions.values()]
        .filter((state) => state.status === 'signed-in')
        .map((state) => state.profileId)
        .sort()
        .join(' '),
    [sessions],
  );

  useEffect(() => {
    let current = true;
    if (signedInKey === '') return;
    bridge.expiringTokens().then(
      (report) => {
        if (current) setAnswer({ key: signedInKey, tokens: report.tokens });
      },
      // Nothing to warn about when the servers cannot be asked; their own panes say why.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, signedInKey]);

  const tokens = answer.key === signedInKey ? answer.tokens : [];
  if (tokens.length === 0) return null;
  const labelOf = (profileId: string) => profiles.find((profile) => profile.id === profileId)?.label ?? profileId;
  return (
    <Notice
      tone="warning"
      className="expiring-tokens"
      icon={<ClockIcon size={18} />}
      title={`Personal access tokens expiring within ${EXPIRY_WINDOW_DAYS} days`}
      role="status"
    >
      <ul>
        {tokens.map(({ profileId, token }) => (
          <li key={`${profileId}:${token.id}`}>
            <strong>{token.name}</strong> on {labelOf(profileId)} — expires{' '}
            <TimeValue iso={token.expiringAt} now={now} inline />
          </li>
        ))}
      </ul>
    </Notice>
  );
}
