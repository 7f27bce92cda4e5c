// The one place a channel is declared. main, preload, renderer, the tests and the benchmarks all
// compile against it: renaming a channel or changing a payload breaks the build everywhere at once.
import type {
  AppErrorInfo,
  AppInfo,
  AppSettings,
  CertificateSummary,
  ChosenCertificate,
  ConnectionTestResult,
  ExpiredSignInResult,
  LogoutResult,
  PasswordCredentials,
  ProfileArrangement,
  ProfileInput,
  ServerProfile,
  SessionState,
} from './model';
import type {
  CreatedToken,
  ExpiringTokensReport,
  PersonalAccessToken,
  TokenCredentials,
  TokenInput,
  WebSudoResult,
} from './admin';
import type { ServerSelection } from './selection';
import type { SessionsDelta } from './session-delta';
import {
  ESTATE_BRIDGE_METHODS,
  ESTATE_SHELL_CHANNELS,
  type EstateCoreInvokeMap,
  type EstateShellInvokeMap,
} from './contract-estate';
import {
  UPDATES_BRIDGE_EVENTS,
  UPDATES_BRIDGE_METHODS,
  UPDATES_SHELL_CHANNELS,
  type UpdatesEventMap,
  type UpdatesShellInvokeMap,
} from './contract-updates';

/** Channels served by the core (`createAppCore().invoke`), identical under Electron and in plain Node. */
export interface CoreInvokeMap extends EstateCoreInvokeMap {
  'app:info': () => AppInfo;
  'settings:get': () => AppSettings;
  'settings:update': (patch: Partial<AppSettings>) => AppSettings;
  'profiles:list': () => ServerProfile[];
  'profiles:save': (input: ProfileInput) => ServerProfile;
  'profiles:remove': (profileId: string) => void;
  'profiles:testConnection': (input: ProfileInput) => ConnectionTestResult;
  /** Moves, regroups or stars profiles (the list's order is the saved order); answers the whole list. */
  'profiles:arrange': (profileIds: string[], arrangement: ProfileArrangement) => ServerProfile[];
  'certificate:inspect': (pem: string) => CertificateSummary;
  'sessions:list': () => SessionState[];
  /** Checks every server holding a session, or those of the selection (bulk actions); answers every state. */
  'sessions:refreshAll': (selection?: ServerSelection) => SessionState[];
  /** Aborts the profile's sign-in or check in flight (and any queued behind it); the state stays as it was. */
  'sessions:cancel': (profileId: string) => void;
  /** Aborts the checks of a refresh of all servers that have not answered yet. */
  'sessions:cancelRefreshAll': () => void;
  /** Aborts every connection test in flight; they reject with a `cancelled` error. */
  'profiles:cancelTest': () => void;
  'session:login': (profileId: string, credentials: PasswordCredentials) => SessionState;
  /** Signs in with the profile's remembered password, which main opens itself: it never crosses IPC. */
  'session:loginRemembered': (profileId: string) => SessionState;
  /**
   * Every expired server with a remembered password signs in, in parallel; the others are listed as needing you.
   * With a selection: every selected server that is not signed in.
   */
  'sessions:signInExpired': (selection?: ServerSelection) => ExpiredSignInResult[];
  'session:refresh': (profileId: string) => SessionState;
  'session:logout': (profileId: string) => LogoutResult;
  /** Every server holding a session, or those of the selection; failures first. */
  'session:logoutAll': (selection?: ServerSelection) => LogoutResult[];
  /** Sends the sign-out again for a session the server did not confirm ending (`SessionState.signOutUnconfirmed`). */
  'session:retrySignOut': (profileId: string) => LogoutResult;
  'session:forgetPassword': (profileId: string) => SessionState;
  /** Signs in with a personal access token (checked with GET /rest/api/2/myself, then sealed like a password). */
  'session:useToken': (profileId: string, credentials: TokenCredentials) => SessionState;
  /** Ends the secure administrator session (DELETE /rest/auth/1/websudo). */
  'websudo:release': (profileId: string) => WebSudoResult;
  /** Ends admin access on every signed-in server (or those of the selection), one result per server. */
  'websudo:releaseAll': (selection?: ServerSelection) => WebSudoResult[];
  'tokens:list': (profileId: string) => PersonalAccessToken[];
  /** The one answer that carries a raw token; the app keeps no copy. */
  'tokens:create': (profileId: string, input: TokenInput) => CreatedToken;
  'tokens:revoke': (profileId: string, tokenId: number) => void;
  /** Across every signed-in server: the tokens that expire within 14 days. */
  'tokens:expiring': () => ExpiringTokensReport;
}

/** Channels only the desktop shell can serve (native dialogs, the system browser). */
export interface ShellInvokeMap extends EstateShellInvokeMap, UpdatesShellInvokeMap {
  /** Opens a native file dialog and returns the chosen PEM with its summary, or null when cancelled. */
  'dialog:chooseCaCertificate': () => ChosenCertificate | null;
  /** Opens an http(s) URL on a saved server's origin in the system browser; anything else is refused. */
  'shell:openExternal': (url: string) => void;
  /**
   * Opens the server — its dashboard, or `path` on it — signed in, in an app window on the profile's own in-memory
   * session. Resolves once the window is open.
   */
  'web:open': (profileId: string, path?: string) => void;
  /**
   * Opens the server's own login page (single sign-on, two-step verification, CAPTCHA) in the profile's session and
   * resolves once the app has adopted the session it produced — or with the state unchanged when the window closed.
   */
  'session:webLogin': (profileId: string) => SessionState;
  /** Puts a just-created token on the clipboard and clears it after 60 s if it still holds that token. */
  'clipboard:copyToken': (token: string) => void;
  /** Opens the folder of the app's log files in the file manager. */
  'shell:openLogsFolder': () => void;
  /** Shows the store file that could not be read (app:info's storeProblem) in its folder; main knows its path. */
  'shell:showStoreBackup': () => void;
}

export type InvokeMap = CoreInvokeMap & ShellInvokeMap;
export type InvokeChannel = keyof InvokeMap;
export type CoreChannel = keyof CoreInvokeMap;
export type ShellChannel = keyof ShellInvokeMap;
export type InvokeArgs<C extends InvokeChannel> = Parameters<InvokeMap[C]>;
export type InvokeResult<C extends InvokeChannel> = Awaited<ReturnType<InvokeMap[C]>>;

/**
 * Events the core emits and main forwards to the renderer. `profiles:changed` carries the whole list;
 * `sessions:delta` only what changed since the previous one (the list itself is loaded once with `sessions:list`),
 * at most ten a second.
 */
export interface CoreEventMap {
  'sessions:delta': SessionsDelta;
  'profiles:changed': ServerProfile[];
}
/** Events only the desktop shell sends: the tray or a notification asks the window to show a server (its id). */
export interface ShellEventMap extends UpdatesEventMap {
  'window:showServer': string;
}
export type EventMap = CoreEventMap & ShellEventMap;
export type EventName = keyof EventMap;
export type CoreEventName = keyof CoreEventMap;

/** What an IPC handler sends back: errors travel as data, so their kind survives the trip. */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

/** The bridge's method names, one per channel. The preload builds exactly these and nothing else. */
export const BRIDGE_METHODS = {
  getAppInfo: 'app:info',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  listProfiles: 'profiles:list',
  saveProfile: 'profiles:save',
  removeProfile: 'profiles:remove',
  testConnection: 'profiles:testConnection',
  arrangeProfiles: 'profiles:arrange',
  inspectCertificate: 'certificate:inspect',
  listSessions: 'sessions:list',
  refreshAll: 'sessions:refreshAll',
  cancelSession: 'sessions:cancel',
  cancelRefreshAll: 'sessions:cancelRefreshAll',
  cancelConnectionTest: 'profiles:cancelTest',
  login: 'session:login',
  loginRemembered: 'session:loginRemembered',
  signInExpired: 'sessions:signInExpired',
  refresh: 'session:refresh',
  logout: 'session:logout',
  logoutAll: 'session:logoutAll',
  retrySignOut: 'session:retrySignOut',
  forgetPassword: 'session:forgetPassword',
  chooseCaCertificate: 'dialog:chooseCaCertificate',
  openExternal: 'shell:openExternal',
  openInJira: 'web:open',
  webLogin: 'session:webLogin',
  useToken: 'session:useToken',
  releaseAdminAccess: 'websudo:release',
  releaseAdminAccessEverywhere: 'websudo:releaseAll',
  listTokens: 'tokens:list',
  createToken: 'tokens:create',
  revokeToken: 'tokens:revoke',
  expiringTokens: 'tokens:expiring',
  copyToken: 'clipboard:copyToken',
  openLogsFolder: 'shell:openLogsFolder',
  showStoreBackup: 'shell:showStoreBackup',
  ...ESTATE_BRIDGE_METHODS,
  ...UPDATES_BRIDGE_METHODS,
} as const satisfies Record<string, InvokeChannel>;
export type BridgeMethodName = keyof typeof BRIDGE_METHODS;

export const BRIDGE_EVENTS = {
  onSessionsDelta: 'sessions:delta',
  onProfilesChanged: 'profiles:changed',
  onShowServer: 'window:showServer',
  ...UPDATES_BRIDGE_EVENTS,
} as const satisfies Record<string, EventName>;
export type BridgeEventName = keyof typeof BRIDGE_EVENTS;

/** `true` while every member of `All` is in `Covered`; otherwise the members left out, which `true` is not. */
type Covers<All, Covered> = [Exclude<All, Covered>] extends [never] ? true : Exclude<All, Covered>;

// Compile-time checks: a channel or an event added above without a bridge method or subscription does not compile,
// and the error names what is missing.
export const BRIDGE_COVERS_EVERY_CHANNEL: Covers<InvokeChannel, (typeof BRIDGE_METHODS)[BridgeMethodName]> = true;
export const BRIDGE_COVERS_EVERY_EVENT: Covers<EventName, (typeof BRIDGE_EVENTS)[BridgeEventName]> = true;

/**
 * The keys of a record that names every member of `K` exactly once: used for lists that must stay complete, so a
 * member added to the type but left out of the list (or one that does not exist) does not compile.
 */
export function everyKeyOf<K extends string>(record: Record<K, true>): readonly K[] {
  return Object.keys(record) as K[];
}

type BridgeInvokers = {
  [M in BridgeMethodName]: (
    ...args: InvokeArgs<(typeof BRIDGE_METHODS)[M]>
  ) => Promise<InvokeResult<(typeof BRIDGE_METHODS)[M]>>;
};
type BridgeSubscriptions = {
  [E in BridgeEventName]: (listener: (payload: EventMap[(typeof BRIDGE_EVENTS)[E]]) => void) => () => void;
};

/**
 * `window.jiraSessions`. Every method rejects with an `AppErrorInfo` (a plain object with `kind` and
 * `message`), never with a raw Error, so the renderer can show the right next step.
 */
export type JiraSessionsBridge = BridgeInvokers & BridgeSubscriptions;

export const ALL_INVOKE_CHANNELS = Object.values(BRIDGE_METHODS) as InvokeChannel[];
export const SHELL_CHANNELS = everyKeyOf<ShellChannel>({
  'dialog:chooseCaCertificate': true,
  'shell:openExternal': true,
  'web:open': true,
  'session:webLogin': true,
  'clipboard:copyToken': true,
  'shell:openLogsFolder': true,
  'shell:showStoreBackup': true,
  ...ESTATE_SHELL_CHANNELS,
  ...UPDATES_SHELL_CHANNELS,
});

export function isShellChannel(channel: InvokeChannel): channel is ShellChannel {
  return (SHELL_CHANNELS as readonly string[]).includes(channel);
}

/** Turns an IPC response back into a value or a rejection with the AppErrorInfo. */
export function unwrapIpcResponse<T>(response: IpcResponse<T>): T {
  if (response.ok) return response.value;
  throw response.error;
}
