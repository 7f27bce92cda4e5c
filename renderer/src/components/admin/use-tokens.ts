// One server's personal access tokens: loaded when the section shows, created (the raw value kept in this state
// only until the person dismisses it), revoked. Every call goes through the bridge; failures become the error.
import { useCallback, useEffect, useState } from 'react';
import type { CreatedToken, PersonalAccessToken, TokenInput } from '../../../../electron/shared/admin';
import type { AppErrorInfo } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';

export function useTokens(bridge: JiraSessionsBridge, profileId: string) {
  const [tokens, setTokens] = useState<PersonalAccessToken[] | undefined>(undefined);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [busy, setBusy] = useState<'create' | number | undefined>(undefined);

  const show = useCallback((listed: PersonalAccessToken[]) => {
    setTokens(listed);
    setError(null);
  }, []);
  const fail = useCallback((reason: unknown) => setError(readAppError(reason)), []);
  const reload = useCallback(() => bridge.listTokens(profileId).then(show, fail), [bridge, profileId, show, fail]);

  useEffect(() => {
    let current = true;
    bridge.listTokens(profileId).then(
      (listed) => current && show(listed),
      (reason: unknown) => current && fail(reason),
    );
    return () => {
      current = false;
    };
  }, [bridge, profileId, show, fail]);

  const create = useCallback(
    async (input: TokenInput): Promise<boolean> => {
      setBusy('create');
      try {
        const token = await bridge.createToken(profileId, input);
        setCreated(token);
        setError(null);
        await reload();
        return true;
      } catch (reason) {
        setError(readAppError(reason));
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [bridge, profileId, reload],
  );

  const revoke = useCallback(
    async (tokenId: number) => {
      setBusy(tokenId);
      try {
        await bridge.revokeToken(profileId, tokenId);
        setError(null);
        setCreated((shown) => (shown?.id === tokenId ? null : shown));
        await reload();
      } catch (reason) {
        setError(readAppError(reason));
      } finally {
        setBusy(undefined);
      }
    },
    [bridge, profileId, reload],
  );

  const dismissCreated = useCallback(() => setCreated(null), []);
  const dismissError = useCallback(() => setError(null), []);

  return { tokens, error, created, busy, create, revoke, dismissCreated, dismissError };
}
