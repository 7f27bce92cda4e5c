// Runs sandboxed before the page: exposes the typed bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME, buildBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer));
