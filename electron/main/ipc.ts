import type { IpcMain, WebContents } from 'electron';
import { channelNames, fail } from '../../src/shared/contract';
import type { Router } from '../../src/host/router';
import { IPC_PREFIX } from './ipc-prefix';
import { isTrustedSender } from './sender';

/**
 * One `ipcMain.handle` per contract channel and none other, so an unknown channel has no handler at
 * all. Each call is checked for its sender, then validated and routed by the shared router.
 */
export function registerContractHandlers(
  ipcMain: IpcMain,
  router: Router,
  kiosk: () => WebContents | null,
): void {
  for (const channel of channelNames) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, request: unknown) => {
      if (!isTrustedSender(event, kiosk()))
        return fail('unavailable', 'Call refused: not from the kiosk page.');
      return router.call(channel, request);
    });
  }
}
