// Builds window.jiraSessions from the contract's constants: one function per channel and one subscription per
// event, each wrapping ipcRenderer so the page never holds ipcRenderer itself, an IpcRendererEvent (whose
// `sender` is ipcRenderer), or a way to name a channel of its choosing.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { BRIDGE_EVENTS, BRIDGE_METHODS, unwrapIpcResponse } from '../shared/contract';
import type { IpcResponse, JiraSessionsBridge } from '../shared/contract';

export const BRIDGE_GLOBAL_NAME = 'jiraSessions';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildBridge(ipc: BridgeIpc): JiraSessionsBridge {
  const bridge: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
    bridge[method] = async (...args: unknown[]) =>
      unwrapIpcResponse((await ipc.invoke(channel, ...args)) as IpcResponse<unknown>);
  }
  for (const [method, event] of Object.entries(BRIDGE_EVENTS)) {
    bridge[method] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} expects a listener function.`);
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    };
  }
  return Object.freeze(bridge) as unknown as JiraSessionsBridge;
}
