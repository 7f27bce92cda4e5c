// An in-memory JiraSessionsBridge for renderer tests and screenshots: it behaves like main by default (profiles,
// sessions, events), records every call, and can be told what a method answers next — a value, an error, or a
// promise the test settles itself. No test-runner imports, so it also runs in a browser page.
import { arrangeProfiles } from '../../electron/shared/arrangement';
import { normalizeBaseUrl, sessionUrlFor } from '../../electron/shared/base-url';
import { ENVIRONMENT_REQUIRED, missingValueProblem } from '../../electron/shared/field-rules';
import {
  BRIDGE_METHODS,
  type BridgeMethodName,
  type EventMap,
  type InvokeArgs,
  type InvokeResult,
  type JiraSessionsBridge,
} from '../../electron/shared/contract';
import type {
  ExpiredSignInResult,
  AppErrorInfo,
  AppInfo,
  AppSettings,
  CertificateSummary,
  ChosenCertificate,
  ConnectionTestResult,
  LogoutResult,
  PasswordCredentials,
  ProfileArrangement,
  ProfileInput,
  ServerProfile,
  SessionState,
} from '../../electron/shared/model';
import type { TokenCredentials, TokenInput } from '../../electron/shared/admin';
import { diffSession, type SessionsDelta } from '../../electron/shared/session-delta';
import type { ActivityEntry, ActivityQuery } from '../../electron/shared/activity';
import { ESTATE_SETTINGS_DEFAULTS } from '../../electron/shared/settings';
import type { OpenedTextFile } from '../../electron/shared/contract-estate';
import type { ImportOptions, ImportReport } from '../../electron/shared/transfer';
import type { UpdateState } from '../../electron/shared/updates';
import { GONE_FROM_SELECTION, type ServerSelection } from '../../electron/shared/selection';
import { exportServers, planImport } from '../../electron/core/transfer/profile-transfer';
import { FakeAdmin } from './fake-admin';
import { avatarDataUri, SAMPLE_CERTIFICATE, serverInfoFor, signedOutSession } from '../support/model-fixtures';

export type MethodArgs<M extends BridgeMethodName> = InvokeArgs<(typeof BRIDGE_METHODS)[M]>;
export type MethodResult<M extends BridgeMethodName> = InvokeResult<(typeof BRIDGE_METHODS)[M]>;

export interface Held<M extends BridgeMethodName> {
  /** The arguments the held call was made with. */
  readonly args: MethodArgs<M>;
  resolve(value: MethodResult<M>): void;
  /** Settles the call with what the fake would have answered anyway. */
  resolveDefault(): void;
  reject(error: AppErrorInfo): void;
}

type Script<M extends BridgeMethodName> =
  | { kind: 'value'; value: MethodResult<M> }
  | { kind: 'error'; error: AppErrorInfo }
  | { kind: 'hold'; onCall: (held: Held<M>) => void };

type Calls = { [M in BridgeMethodName]: MethodArgs<M>[] };
type Scripts = { [M in BridgeMethodName]: Script<M>[] };

// Every method of the contract, so a new one has its call log and script queue without being listed here.
const METHOD_NAMES = Object.keys(BRIDGE_METHODS) as BridgeMethodName[];

function emptyRecord<T>(make: () => T): Record<BridgeMethodName, T> {
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, make()])) as Record<BridgeMethodName, T>;
}

export interface FakeBridgeSeed {
  profiles?: ServerProfile[];
  sessions?: SessionState[];
  appInfo?: Partial<AppInfo>;
  settings?: Partial<AppSettings>;
  /** The clock the fake stamps sessions with. */
  now?: () => number;
  /** Where the app's own updates stand (idle at 0.1.0 by default). */
  updates?: UpdateState;
}

export class FakeBridge implements JiraSessionsBridge {
  profiles: ServerProfile[];
  sessions = new Map<string, SessionState>();
  appInfo: AppInfo;
  settings: AppSettings;
  /** Every call, in order, with its arguments. */
  readonly calls: Calls = emptyRecord(() => []) as Calls;
  private readonly scripts: Scripts = emptyRecord(() => []) as Scripts;
  private readonly listeners: { [E in keyof EventMap]: Set<(payload: EventMap[E]) => void> } = {
    'sessions:delta': new Set(),
    'profiles:changed': new Set(),
    'window:showServer': new Set(),
    'updates:changed': new Set(),
  };
  private readonly now: () => number;
  private nextId = 1;
  /** The states the page has been told of, by the list and the deltas since. */
  private told = new Map<string, SessionState>();
  /** The activity log listActivity answers from, newest first. */
  activity: ActivityEntry[] = [];
  /** What saveFile was given, in order. */
  readonly savedFiles: { name: string; text: string }[] = [];
  /** Tokens and WebSudo per server (see fake-admin.ts). */
  readonly admin: FakeAdmin;
  /** What getUpdateState answers; pushUpdateState changes it and tells the page. */
  updateState: UpdateState;

  constructor(seed: FakeBridgeSeed = {}) {
    this.profiles = [...(seed.profiles ?? [])];
    for (const session of seed.sessions ?? []) this.sessions.set(session.profileId, session);
    this.appInfo = { version: '0.1.0', platform: 'linux', secretStorage: 'os-keychain', ...seed.appInfo };
    this.settings = {
      notifications: true,
      persistSecretsWithoutKeychain: false,
      ...ESTATE_SETTINGS_DEFAULTS,
      ...seed.settings,
    };
    this.now = seed.now ?? (() => Date.now());
    this.updateState = seed.updates ?? { status: 'idle', currentVersion: this.appInfo.version };
    this.admin = new FakeAdmin(this.now, () => this.sessionList());
    this.told = new Map(this.sessionList().map((state) => [state.profileId, state]));
  }

  // ---- Scripting ------------------------------------------------------------------------------------------

  /** The next call of `method` resolves with `value`. */
  resolveNext<M extends BridgeMethodName>(method: M, value: MethodResult<M>): this {
    this.scripts[method].push({ kind: 'value', value });
    return this;
  }

  /** The next call of `method` rejects with `error`, as the real bridge does. */
  rejectNext<M extends BridgeMethodName>(method: M, error: AppErrorInfo): this {
    this.scripts[method].push({ kind: 'error', error });
    return this;
  }

  /** The next call of `method` waits until the test settles it: `(await held).resolve(...)`. */
  holdNext<M extends BridgeMethodName>(method: M): Promise<Held<M>> {
    return new Promise((onCall) => this.scripts[method].push({ kind: 'hold', onCall }));
  }

  callCount(method: BridgeMethodName): number {
    return this.calls[method].length;
  }

  // ---- Events ---------------------------------------------------------------------------------------------

  onSessionsDelta(listener: (payload: SessionsDelta) => void): () => void {
    this.listeners['sessions:delta'].add(listener);
    return () => this.listeners['sessions:delta'].delete(listener);
  }

  onProfilesChanged(listener: (payload: ServerProfile[]) => void): () => void {
    this.listeners['profiles:changed'].add(listener);
    return () => this.listeners['profiles:changed'].delete(listener);
  }

  onShowServer(listener: (profileId: string) => void): () => void {
    this.listeners['window:showServer'].add(listener);
    return () => this.listeners['window:showServer'].delete(listener);
  }

  /** Main asks the window to show a server (a tray item, a notification's click). */
  showServer(profileId: string): void {
    for (const listener of this.listeners['window:showServer']) listener(profileId);
  }

  onUpdateState(listener: (payload: UpdateState) => void): () => void {
    this.listeners['updates:changed'].add(listener);
    return () => this.listeners['updates:changed'].delete(listener);
  }

  /** main's update state changed (a check, a download's progress, a ready update). */
  pushUpdateState(state: UpdateState): void {
    this.updateState = state;
    for (const listener of this.listeners['updates:changed']) listener(state);
  }

  listenerCount(event: keyof EventMap): number {
    return this.listeners[event].size;
  }

  /** Tells the page what changed since the last delta, as the core does (only changed fields, removed ids). */
  emitSessions(): void {
    const next = new Map(this.sessionList().map((state) => [state.profileId, state]));
    const changed = [...next.values()].flatMap((state) => diffSession(this.told.get(state.profileId), state) ?? []);
    const removed = [...this.told.keys()].filter((profileId) => !next.has(profileId));
    this.told = next;
    if (!changed.length && !removed.length) return;
    this.emitDelta({ changed, removed });
  }

  emitDelta(delta: SessionsDelta): void {
    for (const listener of this.listeners['sessions:delta']) listener(delta);
  }

  emitProfiles(): void {
    const payload = this.profiles.map((profile) => ({ ...profile }));
    for (const listener of this.listeners['profiles:changed']) listener(payload);
  }

  /** Main changed a session on its own (a poll, the tray): store it and tell the page. */
  pushSession(state: SessionState): void {
    this.sessions.set(state.profileId, state);
    this.emitSessions();
  }

  pushProfiles(profiles: ServerProfile[]): void {
    this.profiles = [...profiles];
    this.emitProfiles();
  }

  // ---- The bridge -----------------------------------------------------------------------------------------

  getAppInfo = () => this.run('getAppInfo', [], () => ({ ...this.appInfo }));
  getSettings = () => this.run('getSettings', [], () => ({ ...this.settings }));
  updateSettings = (patch: Partial<AppSettings>) =>
    this.run('updateSettings', [patch], () => {
      this.settings = { ...this.settings, ...patch };
      return { ...this.settings };
    });

  listProfiles = () => this.run('listProfiles', [], () => this.profiles.map((profile) => ({ ...profile })));
  saveProfile = (input: ProfileInput) => this.run('saveProfile', [input], () => this.defaultSave(input));
  removeProfile = (profileId: string) =>
    this.run('removeProfile', [profileId], () => {
      this.profileOrThrow(profileId);
      this.profiles = this.profiles.filter((profile) => profile.id !== profileId);
      this.sessions.delete(profileId);
      this.emitProfiles();
      this.emitSessions();
    });
  arrangeProfiles = (profileIds: string[], arrangement: ProfileArrangement) =>
    this.run('arrangeProfiles', [profileIds, arrangement], () => {
      for (const id of [...profileIds, ...(arrangement.before ? [arrangement.before] : [])]) this.profileOrThrow(id);
      this.profiles = arrangeProfiles(this.profiles, profileIds, arrangement);
      this.emitProfiles();
      return this.profiles.map((profile) => ({ ...profile }));
    });
  testConnection = (input: ProfileInput) =>
    this.run('testConnection', [input], (): ConnectionTestResult => {
      const url = normalizeBaseUrl(input.baseUrl);
      if (!url.ok) throw invalid(url.reason, 'baseUrl');
      return { serverInfo: serverInfoFor(url.baseUrl), sessionUrl: sessionUrlFor(url.baseUrl), warnings: [] };
    });
  inspectCertificate = (pem: string) =>
    this.run('inspectCertificate', [pem], (): CertificateSummary => ({ ...SAMPLE_CERTIFICATE, pem }));

  listSessions = () =>
    this.run('listSessions', [], () => {
      this.emitSessions();
      return this.sessionList();
    });
  refreshAll = (selection?: ServerSelection) =>
    this.run('refreshAll', selection ? [selection] : [], () => {
      for (const profile of this.chosen(selection)) {
        const state = this.sessionOf(profile.id);
        if (state.status === 'signed-in') this.sessions.set(profile.id, { ...state, verifiedAt: this.iso() });
      }
      this.emitSessions();
      return this.sessionList();
    });
  // Cancelling only records the call: a test settles the held call it is about itself.
  cancelSession = (profileId: string) => this.run('cancelSession', [profileId], () => undefined);
  cancelRefreshAll = () => this.run('cancelRefreshAll', [], () => undefined);
  cancelConnectionTest = () => this.run('cancelConnectionTest', [], () => undefined);
  login = (profileId: string, credentials: PasswordCredentials) =>
    this.run('login', [profileId, credentials], () => this.defaultLogin(profileId, credentials));
  /** Like main opening the remembered password: refused when none is saved. */
  loginRemembered = (profileId: string) =>
    this.run('loginRemembered', [profileId], () => {
      const profile = this.profileOrThrow(profileId);
      if (!this.sessionOf(profileId).passwordRemembered)
        throw invalid(`No password is saved for ${profile.label}.`, 'password');
      return this.defaultLogin(profileId, { username: profile.username, password: 'remembered' });
    });
  /** Expired (or, with a selection, not signed-in) servers with a remembered password sign in; others need you. */
  signInExpired = (selection?: ServerSelection) =>
    this.run('signInExpired', selection ? [selection] : [], (): ExpiredSignInResult[] =>
      this.chosen(selection)
        .filter((profile) => {
          const status = this.sessionOf(profile.id).status;
          return selection ? status !== 'signed-in' : status === 'expired';
        })
        .map((profile) => {
          const state = this.sessionOf(profile.id);
          if (!state.passwordRemembered || profile.signInMethod !== 'password')
            return { profileId: profile.id, outcome: 'needs-you', state };
          const next = this.defaultLogin(profile.id, { username: profile.username, password: 'remembered' });
          return { profileId: profile.id, outcome: 'signed-in', state: next };
        }),
    );
  refresh = (profileId: string) =>
    this.run('refresh', [profileId], () => {
      const state = this.sessionOf(this.profileOrThrow(profileId).id);
      const next = state.status === 'signed-in' ? { ...state, verifiedAt: this.iso() } : state;
      this.sessions.set(profileId, next);
      this.emitSessions();
      return next;
    });
  logout = (profileId: string) => this.run('logout', [profileId], () => this.defaultLogout(profileId));
  logoutAll = (selection?: ServerSelection) =>
    this.run('logoutAll', selection ? [selection] : [], (): LogoutResult[] =>
      this.chosen(selection)
        .filter((profile) => {
          const state = this.sessionOf(profile.id);
          return state.status === 'signed-in' || state.cookieNames.length > 0;
        })
        .map((profile) => this.defaultLogout(profile.id)),
    );
  /** By default the server confirms it now: the mark goes. */
  retrySignOut = (profileId: string) =>
    this.run('retrySignOut', [profileId], (): LogoutResult => {
      const state = { ...this.sessionOf(this.profileOrThrow(profileId).id) };
      delete state.signOutUnconfirmed;
      this.sessions.set(profileId, state);
      this.emitSessions();
      return { profileId, state, serverConfirmed: true };
    });
  forgetPassword = (profileId: string) =>
    this.run('forgetPassword', [profileId], () => {
      const next = { ...this.sessionOf(this.profileOrThrow(profileId).id), passwordRemembered: false };
      this.sessions.set(profileId, next);
      this.emitSessions();
      return next;
    });
  chooseCaCertificate = () => this.run('chooseCaCertificate', [], (): ChosenCertificate | null => null);
  openExternal = (url: string) => this.run('openExternal', [url], () => undefined);
  openInJira = (profileId: string, path?: string) =>
    this.run('openInJira', path === undefined ? [profileId] : [profileId, path], () => {
      this.profileOrThrow(profileId);
    });
  /** Like a web sign-in the person completed: signed in as the profile's user. */
  webLogin = (profileId: string) =>
    this.run('webLogin', [profileId], () => {
      const profile = this.profileOrThrow(profileId);
      return this.defaultLogin(profileId, { username: profile.username, password: 'web' });
    });

  /** Like a token Jira accepted: signed in as the profile's user, holding no cookie. */
  useToken = (profileId: string, credentials: TokenCredentials) =>
    this.run('useToken', [profileId, credentials], () => {
      const profile = this.profileOrThrow(profileId);
      const state = this.defaultLogin(profileId, { username: profile.username, password: 'token' });
      return this.store({ ...state, cookieNames: [], nodeId: undefined });
    });
  releaseAdminAccess = (profileId: string) =>
    this.run('releaseAdminAccess', [profileId], () => this.admin.release(profileId));
  releaseAdminAccessEverywhere = (selection?: ServerSelection) =>
    this.run('releaseAdminAccessEverywhere', selection ? [selection] : [], () =>
      this.admin.releaseAll(selection && new Set(selection.profileIds)),
    );
  listTokens = (profileId: string) => this.run('listTokens', [profileId], () => this.admin.list(profileId));
  createToken = (profileId: string, input: TokenInput) =>
    this.run('createToken', [profileId, input], () => this.admin.create(profileId, input));
  revokeToken = (profileId: string, tokenId: number) =>
    this.run('revokeToken', [profileId, tokenId], () => this.admin.revoke(profileId, tokenId));
  expiringTokens = () => this.run('expiringTokens', [], () => this.admin.expiring());
  copyToken = (token: string) => this.run('copyToken', [token], () => undefined);
  openLogsFolder = () => this.run('openLogsFolder', [], () => undefined);
  showStoreBackup = () => this.run('showStoreBackup', [], () => undefined);
  exportProfiles = (profileIds?: string[]) =>
    this.run('exportProfiles', profileIds === undefined ? [] : [profileIds], () =>
      exportServers(
        this.profiles.filter((profile) => profileIds?.includes(profile.id) ?? true),
        this.now(),
      ),
    );
  /** The real import rules over the fake's list; applying saves through the fake's own save. */
  importProfiles = (text: string, options: ImportOptions) =>
    this.run('importProfiles', [text, options], (): ImportReport => {
      const plan = planImport(text, this.profiles);
      if (!options.apply) return plan.report;
      for (const input of plan.saves) this.defaultSave(input);
      return { ...plan.report, applied: true };
    });
  /** The entries in `activity`, newest first, filtered as the core does. */
  listActivity = (query?: ActivityQuery) =>
    this.run('listActivity', query === undefined ? [] : [query], () =>
      this.activity
        .filter((entry) => query?.profileId === undefined || entry.profileId === query.profileId)
        .slice(0, query?.limit),
    );
  /** Like a save dialog the person confirmed; the text is kept in `savedFiles`. */
  saveFile = (suggestedName: string, text: string) =>
    this.run('saveFile', [suggestedName, text], () => {
      this.savedFiles.push({ name: suggestedName, text });
      return true;
    });
  /** Like an open dialog the person cancelled, unless a test scripts a file with resolveNext. */
  openTextFile = () => this.run('openTextFile', [], (): OpenedTextFile | null => null);
  getUpdateState = () => this.run('getUpdateState', [], () => ({ ...this.updateState }));
  /** Like main with a feed that has nothing newer: up to date (a disabled state stays disabled). */
  checkForUpdates = () =>
    this.run('checkForUpdates', [], () => {
      if (this.updateState.status === 'disabled' || this.updateState.status === 'downloaded') return this.updateState;
      this.pushUpdateState({
        status: 'up-to-date',
        currentVersion: this.updateState.currentVersion,
        checkedAt: this.iso(),
      });
      return { ...this.updateState };
    });
  installUpdate = () =>
    this.run('installUpdate', [], () => {
      if (this.updateState.status !== 'downloaded') throw invalid('No update has been downloaded yet.', 'update');
    });

  // ---- Defaults -------------------------------------------------------------------------------------------

  sessionOf(profileId: string): SessionState {
    return this.sessions.get(profileId) ?? signedOutSession(profileId);
  }

  sessionList(): SessionState[] {
    return this.profiles.map((profile) => this.sessionOf(profile.id));
  }

  private store(state: SessionState): SessionState {
    this.sessions.set(state.profileId, state);
    this.emitSessions();
    return state;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Every profile, or the selection's (refused whole, as main refuses it, when it names one that is gone). */
  private chosen(selection: ServerSelection | undefined): ServerProfile[] {
    if (!selection) return this.profiles;
    if (selection.profileIds.some((id) => !this.profiles.some((profile) => profile.id === id)))
      throw { kind: 'not-found', message: GONE_FROM_SELECTION } satisfies AppErrorInfo;
    return this.profiles.filter((profile) => selection.profileIds.includes(profile.id));
  }

  private profileOrThrow(profileId: string): ServerProfile {
    const profile = this.profiles.find((candidate) => candidate.id === profileId);
    if (!profile) throw { kind: 'not-found', message: 'That server is not in the list.' } satisfies AppErrorInfo;
    return profile;
  }

  private defaultSave(input: ProfileInput): ServerProfile {
    const missingLabel = missingValueProblem('label', input.label);
    if (missingLabel) throw invalid(missingLabel, 'label');
    const url = normalizeBaseUrl(input.baseUrl);
    if (!url.ok) throw invalid(url.reason, 'baseUrl');
    if (input.id === undefined && !input.environment) throw invalid(ENVIRONMENT_REQUIRED, 'environment');
    const id = input.id ?? `profile-${this.nextId++}`;
    const previous = input.id !== undefined ? this.profileOrThrow(input.id) : undefined;
    const group = (input.group ?? previous?.group ?? '').trim();
    // As the core: an update that names no environment keeps the saved one.
    const environment = input.environment ?? previous?.environment;
    const profile: ServerProfile = {
      id,
      label: input.label.trim(),
      baseUrl: url.baseUrl,
      username: input.username.trim(),
      ...(environment ? { environment } : {}),
      signInMethod: input.signInMethod ?? 'password',
      pollIntervalSeconds: input.pollIntervalSeconds ?? 300,
      keepAlive: input.keepAlive ?? false,
      ...(input.caCertificate ? { caCertificate: input.caCertificate } : {}),
      ...(input.pinnedCertificatePem
        ? { pinnedCertificate: { ...SAMPLE_CERTIFICATE, pem: input.pinnedCertificatePem } }
        : {}),
      ...(input.proxyUrl ? { proxyUrl: input.proxyUrl } : {}),
      ...(input.proxyUrl && input.proxyUsername ? { proxyUsername: input.proxyUsername } : {}),
      ...(group ? { group } : {}),
      ...((input.favourite ?? previous?.favourite) ? { favourite: true } : {}),
    };
    const at = this.profiles.findIndex((candidate) => candidate.id === id);
    if (at >= 0) this.profiles[at] = profile;
    else this.profiles.push(profile);
    this.emitProfiles();
    return { ...profile };
  }

  private defaultLogin(profileId: string, credentials: PasswordCredentials): SessionState {
    const profile = this.profileOrThrow(profileId);
    const at = this.iso();
    const state: SessionState = {
      profileId,
      status: 'signed-in',
      user: {
        name: credentials.username,
        displayName: credentials.username === 'admin.fred' ? 'Fred Jones' : credentials.username,
        emailAddress: `${credentials.username}@example.com`,
        timeZone: 'Europe/Berlin',
        groups: ['jira-administrators', 'jira-software-users'],
        avatarDataUri: avatarDataUri('FJ'),
      },
      loginInfo: { loginCount: 12, failedLoginCount: 0 },
      serverInfo: serverInfoFor(profile.baseUrl),
      signedInAt: at,
      verifiedAt: at,
      nodeId: 'node1',
      cookieNames: ['JSESSIONID', 'atlassian.xsrf.token'],
      persisted: this.appInfo.secretStorage === 'os-keychain' || this.settings.persistSecretsWithoutKeychain,
      passwordRemembered: credentials.rememberPassword ?? this.sessionOf(profileId).passwordRemembered,
      warnings: [],
    };
    this.sessions.set(profileId, state);
    this.emitSessions();
    return state;
  }

  private defaultLogout(profileId: string): LogoutResult {
    this.profileOrThrow(profileId);
    const state = signedOutSession(profileId, { passwordRemembered: this.sessionOf(profileId).passwordRemembered });
    this.sessions.set(profileId, state);
    this.emitSessions();
    return { profileId, state, serverConfirmed: true };
  }

  /** Records the call, then answers from the script or with the default behaviour; errors reject. */
  private run<M extends BridgeMethodName>(
    method: M,
    args: MethodArgs<M>,
    fallback: () => MethodResult<M>,
  ): Promise<MethodResult<M>> {
    this.calls[method].push(args);
    const script = this.scripts[method].shift();
    if (!script) return settle(fallback);
    if (script.kind === 'value') return Promise.resolve(script.value);
    if (script.kind === 'error') return Promise.reject(script.error);
    return new Promise<MethodResult<M>>((resolve, reject) => {
      script.onCall({
        args,
        resolve,
        reject,
        resolveDefault: () => settle(fallback).then(resolve, reject),
      });
    });
  }
}

function settle<T>(fallback: () => T): Promise<T> {
  try {
    return Promise.resolve(fallback());
  } catch (error) {
    return Promise.reject(error);
  }
}

function invalid(message: string, field: string): AppErrorInfo {
  return { kind: 'invalid-input', message: `${message} (${field})` };
}
