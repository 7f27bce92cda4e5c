// Placeholder: the real implementation is being written. The types below are the public API.
import type { CoreChannel, EventMap, EventName, InvokeArgs, InvokeResult } from '../shared/contract';
import type { Clock, LogSink, Notifier, OpenStoreBackend, SecretCipher } from './ports';

export interface AppCoreOptions {
  /** Folder for the store file (userData in the app). */
  dataDir: string;
  cipher: SecretCipher;
  /** Defaults to conf; main passes electron-store. */
  openStore?: OpenStoreBackend;
  clock?: Clock;
  log?: LogSink;
  notify?: Notifier;
  appVersion?: string;
  /** Per-request limits for every Jira call. */
  http?: { timeoutMs?: number; maxResponseBytes?: number };
  /** How many servers refresh-all and sign-out-all talk to at once. */
  concurrency?: number;
  /** Verify signed-in sessions on each profile's poll interval (off in tests that drive refresh by hand). */
  polling?: boolean;
}

export interface AppCore {
  /** Validates the arguments and runs the channel; rejects with an AppError (see errors.ts). */
  invoke<C extends CoreChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** The machine is going to sleep or went offline: pause liveness checks. */
  suspend(): void;
  /** The machine woke up or came back online: resume checks and verify every session at once. */
  resume(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createAppCore(_options: AppCoreOptions): Promise<AppCore> {
  throw new Error('createAppCore is being written');
}
