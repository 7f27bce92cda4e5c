// The small interfaces through which the core reaches the outside world. main fills them with Electron's
// safeStorage and electron-store; tests and benchmarks fill them with conf and in-process fakes.
import type { SecretStorageLevel } from '../shared/model';
import type { NoticeTopic } from '../shared/settings';
import type { RoutePart } from './profiles/profile-changes';

/** Encrypts secrets with the OS keychain (Electron safeStorage in the app). */
export interface SecretCipher {
  /** 'weak' is Linux's basic_text backend: encryption with a hard-coded key, no better than plain text. */
  availability(): Promise<SecretStorageLevel>;
  seal(plain: string): Promise<string>;
  /** Throws when the sealed text cannot be decrypted (other machine, other user, keychain reset). */
  open(sealed: string): Promise<string>;
}

/** The part of conf / electron-store the core uses: the store file opened and parsed (the core writes it itself). */
export interface StoreBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Options the core hands to the store factory; a subset of conf's options (electron-store calls configName `name`). */
export interface StoreBackendOptions {
  cwd: string;
  configName: string;
  configFileMode: number;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
}

/** Opens (or creates) the store file; throws when the file exists but cannot be parsed. */
export type OpenStoreBackend = (options: StoreBackendOptions) => StoreBackend;

export interface Clock {
  now(): number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Structured log sink. The core redacts before it calls this: no secret ever reaches a logger. */
export type LogSink = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** Something worth telling the user outside the window (an OS notification in the app). */
export interface Notice {
  title: string;
  body: string;
  /** The server the notice is about: clicking the notification shows it. */
  profileId?: string;
  /** What it is about, so each kind can be turned off in Settings. */
  topic?: NoticeTopic;
}
export type Notifier = (notice: Notice) => void;

/** A saved profile now reaches its server another way (proxy, extra CA, pinned certificate). */
export interface RouteChange {
  profileId: string;
  label: string;
  baseUrl: string;
  parts: RoutePart[];
}
/**
 * Asks the person, outside the renderer (a native dialog in the app), whether the profile's session and
 * remembered password may travel the new route. Resolves true only on an explicit yes.
 */
export type ConfirmKeepSecrets = (change: RouteChange) => Promise<boolean>;
