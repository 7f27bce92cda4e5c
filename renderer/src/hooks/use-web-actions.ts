// The actions that put a session to work in Jira's own pages: open a server (or a page on it) in its signed-in app
// window, sign in on the server's login page, and switch a profile to that way of signing in. They run as pane
// actions, so their progress and failures show on the server like any other.
import { useCallback } from 'react';
import type { ServerProfile } from '../../../electron/shared/model';
import type { JiraSessionsBridge } from '../bridge';
import type { PaneBusy, PaneMessage } from '../components/server-pane';
import type { DashboardActions } from './use-dashboard-state';
import type { FocusTarget } from './use-focus-after-render';
import { FOCUS_PANE_HEADING, FOCUS_SIGNED_IN } from './use-server-actions';

export interface WebActionsOptions {
  bridge: JiraSessionsBridge;
  state: DashboardActions;
  requestFocus(...targets: FocusTarget[]): void;
  setMessage(profileId: string, message: PaneMessage | undefined): void;
  runPaneAction(profileId: string, busyWith: PaneBusy, work: () => Promise<void>): void;
}

export const WEB_SIGN_IN_CANCELLED: PaneMessage = {
  tone: 'info',
  title: 'Web sign-in cancelled',
  text: 'The sign-in window was closed before a session was made. Nothing changed.',
};

export function useWebActions({ bridge, state, requestFocus, setMessage, runPaneAction }: WebActionsOptions) {
  const openInJira = useCallback(
    (profileId: string, path?: string) =>
      runPaneAction(profileId, 'open', () =>
        path === undefined ? bridge.openInJira(profileId) : bridge.openInJira(profileId, path),
      ),
    [bridge, runPaneAction],
  );

  const webSignIn = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'web-sign-in', async () => {
        const session = await bridge.webLogin(profileId);
        state.applySession(session);
        if (session.status === 'signed-in') requestFocus(FOCUS_SIGNED_IN, FOCUS_PANE_HEADING);
        else if (!session.error) setMessage(profileId, WEB_SIGN_IN_CANCELLED);
      }),
    [bridge, requestFocus, runPaneAction, setMessage, state],
  );

  /** Saves the profile with web sign-in, so its card offers the server's login page from now on. */
  const switchToWebSignIn = useCallback(
    (profile: ServerProfile) =>
      runPaneAction(profile.id, undefined, async () => {
        const { id, label, baseUrl, username, environment, pollIntervalSeconds, keepAlive } = profile;
        const saved = await bridge.saveProfile({
          id,
          label,
          baseUrl,
          username,
          environment,
          signInMethod: 'web',
          pollIntervalSeconds,
          keepAlive,
          ...(profile.caCertificate ? { caCertificate: profile.caCertificate } : {}),
          ...(profile.pinnedCertificate?.pem ? { pinnedCertificatePem: profile.pinnedCertificate.pem } : {}),
          ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
          ...(profile.proxyUsername ? { proxyUsername: profile.proxyUsername } : {}),
        });
        state.applyProfile(saved);
        setMessage(profile.id, {
          tone: 'info',
          title: 'This server now signs in on its web page',
          text: 'Change it back under Edit server if you need to.',
        });
      }),
    [bridge, runPaneAction, setMessage, state],
  );

  return { openInJira, webSignIn, switchToWebSignIn };
}
