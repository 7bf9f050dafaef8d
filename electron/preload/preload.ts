/**
 * Exposes exactly the contract as `window.lbt`, nothing more: no ipcRenderer, no generic send.
 * Sandboxed: this file is bundled into one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type CallResult } from '../../src/shared/contract';
import { IPC_PREFIX } from '../main/ipc-prefix';

contextBridge.exposeInMainWorld(
  'lbt',
  buildApi(
    (channel, request) => ipcRenderer.invoke(IPC_PREFIX + channel, request) as Promise<CallResult<unknown>>,
  ),
);
