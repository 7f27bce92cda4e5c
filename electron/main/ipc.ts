// The only place that calls ipcMain.handle (a lint rule holds every other file to that). Each contract channel is
// served by the core or, for native dialogs and the system browser, by main; every call first proves it comes from
// the app's own window and validates its arguments, and every answer is an IpcResponse so errors keep their kind.
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ALL_INVOKE_CHANNELS, everyKeyOf, isShellChannel } from '../shared/contract';
import type {
  CoreChannel,
  CoreEventName,
  EventMap,
  EventName,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  IpcResponse,
  ShellChannel,
} from '../shared/contract';
import type { AppErrorInfo } from '../shared/model';
import { parseInvokeArgs } from '../shared/schemas';
import { type AppCore, type LogSink, toAppErrorInfo } from '../core';
import { isAppUrl } from './app-protocol';

/** The channels main serves itself. */
export type ShellHandlers = {
  [C in ShellChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>>;
};

export type IpcCore = Pick<AppCore, 'invoke' | 'on'>;

export interface IpcOptions {
  core: IpcCore;
  shell: ShellHandlers;
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  log?: LogSink;
}

export const FORGED_SENDER_MESSAGE = 'Refused: the request did not come from the Jira Session Manager window.';

// The fields of AppErrorInfo, and only those, travel to the renderer: whatever else an error object carries stays.
// A Record over the type's keys, so a field added to AppErrorInfo does not compile until it is listed here.
const ERROR_FIELDS = everyKeyOf<keyof AppErrorInfo>({
  kind: true,
  message: true,
  nextStep: true,
  loginUrl: true,
  retryAfterSeconds: true,
  certificate: true,
  expectedFingerprint256: true,
  location: true,
  suggestedBaseUrl: true,
  field: true,
  status: true,
  contentType: true,
});

export function toIpcError(info: AppErrorInfo): AppErrorInfo {
  const picked: Record<string, unknown> = {};
  for (const field of ERROR_FIELDS) {
    if (info[field] !== undefined) picked[field] = info[field];
  }
  return picked as unknown as AppErrorInfo;
}

const failure = (error: AppErrorInfo): IpcResponse<never> => ({ ok: false, error: toIpcError(error) });

/**
 * True only for the main frame of our own window while it shows an app:// page. A subframe, another window, a page
 * that somehow navigated elsewhere, or a frame that is already gone are all refused.
 */
export function isAppFrameSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  const mainFrame = contents.mainFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(frame.url);
}

async function serve(channel: InvokeChannel, args: readonly unknown[], options: IpcOptions): Promise<unknown> {
  if (isShellChannel(channel)) {
    const handler = options.shell[channel] as (...values: readonly unknown[]) => Promise<unknown>;
    return handler(...args);
  }
  const invoke = options.core.invoke as (name: CoreChannel, ...values: readonly unknown[]) => Promise<unknown>;
  return invoke(channel, ...args);
}

/** The handler for one channel, exported so tests can call it with fake events. */
export function createIpcHandler(
  channel: InvokeChannel,
  options: IpcOptions,
): (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcResponse<unknown>> {
  return async (event, ...rawArgs) => {
    if (!options.isTrustedSender(event)) {
      options.log?.('warn', 'IPC call from an untrusted sender refused', { channel });
      return failure({ kind: 'invalid-input', message: FORGED_SENDER_MESSAGE });
    }
    const parsed = parseInvokeArgs(channel, rawArgs);
    if (!parsed.ok) {
      return failure({
        kind: 'invalid-input',
        message: parsed.message,
        ...(parsed.field ? { field: parsed.field } : {}),
      });
    }
    try {
      return { ok: true, value: await serve(channel, parsed.args, options) };
    } catch (error) {
      const info = toAppErrorInfo(error);
      // Only the error's name: an unmapped error may carry request details that must not reach a log.
      if (info.kind === 'internal-error') {
        options.log?.('error', 'IPC handler failed', {
          channel,
          error: error instanceof Error ? error.name : typeof error,
        });
      }
      return failure(info);
    }
  };
}

/** Registers every channel of the contract exactly once; returns a function that removes them all. */
export function registerIpcHandlers(options: IpcOptions): () => void {
  for (const channel of ALL_INVOKE_CHANNELS) ipcMain.handle(channel, createIpcHandler(channel, options));
  return () => {
    for (const channel of ALL_INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Every core event reaches the window: an event added to the contract does not compile until it is listed. */
const FORWARDED_EVENTS = everyKeyOf<CoreEventName>({ 'sessions:delta': true, 'profiles:changed': true });

/** Sends an event to the app's window, only while it shows the app's own page. */
export function sendToWindow<E extends EventName>(window: BrowserWindow | null, event: E, payload: EventMap[E]): void {
  if (!window || window.isDestroyed()) return;
  const contents = window.webContents;
  if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
  contents.send(event, payload);
}

/** Pushes the core's events to the window (the core already coalesces them); returns the unsubscribe. */
export function forwardCoreEvents(core: Pick<AppCore, 'on'>, getWindow: () => BrowserWindow | null): () => void {
  const unsubscribers = FORWARDED_EVENTS.map((event) =>
    core.on(event, (payload) => sendToWindow(getWindow(), event, payload)),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
