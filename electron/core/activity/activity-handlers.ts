// Wraps the core's channel handlers so the ones with an outcome worth keeping leave it in the activity log:
// sign-ins say how they were started, sign-outs whether Jira confirmed them, admin releases, tokens and imports
// what they did. The handlers themselves stay as they are.
import type { CoreChannel, InvokeArgs, InvokeResult } from '../../shared/contract';
import type { LogoutResult } from '../../shared/model';
import type { WebSudoResult } from '../../shared/admin';
import type { ActivityRecorder } from './activity-recorder';

type Handler<C extends CoreChannel> = (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
type Handlers = { [C in CoreChannel]: Handler<C> };

export function recordActivity(recorder: ActivityRecorder, handlers: Handlers): Handlers {
  const signedOut = (result: LogoutResult) =>
    recorder.record(result.profileId, 'signed-out', {
      serverConfirmed: result.serverConfirmed,
      ...(result.error ? { errorKind: result.error.kind } : {}),
    });
  const released = (result: WebSudoResult) => {
    if (result.released) recorder.record(result.profileId, 'admin-access-ended');
  };
  return {
    ...handlers,
    'session:login': (profileId, credentials) =>
      recorder.signingIn(profileId, 'password', async () => handlers['session:login'](profileId, credentials)),
    // Started by the person, with the password main keeps: a password sign-in, not a quiet one.
    'session:loginRemembered': (profileId) =>
      recorder.signingIn(profileId, 'password', async () => handlers['session:loginRemembered'](profileId)),
    'session:useToken': (profileId, credentials) =>
      recorder.signingIn(profileId, 'token', async () => handlers['session:useToken'](profileId, credentials)),
    'session:logout': async (profileId) => {
      const result = await handlers['session:logout'](profileId);
      signedOut(result);
      return result;
    },
    'session:logoutAll': async (selection) => {
      const results = await handlers['session:logoutAll'](selection);
      results.forEach(signedOut);
      return results;
    },
    'websudo:release': async (profileId) => {
      const result = await handlers['websudo:release'](profileId);
      released(result);
      return result;
    },
    'websudo:releaseAll': async (selection) => {
      const results = await handlers['websudo:releaseAll'](selection);
      results.forEach(released);
      return results;
    },
    'tokens:create': async (profileId, input) => {
      const token = await handlers['tokens:create'](profileId, input);
      recorder.record(profileId, 'token-created', { detail: token.name });
      return token;
    },
    'tokens:revoke': async (profileId, tokenId) => {
      await handlers['tokens:revoke'](profileId, tokenId);
      recorder.record(profileId, 'token-revoked', { detail: `Token ${tokenId}` });
    },
    'profiles:import': async (text, options) => {
      const report = await handlers['profiles:import'](text, options);
      for (const entry of report.applied ? report.entries : []) {
        if (entry.profileId && (entry.status === 'new' || entry.status === 'changed'))
          recorder.record(entry.profileId, 'imported', { detail: entry.status === 'new' ? 'added' : 'updated' });
      }
      return report;
    },
  };
}
