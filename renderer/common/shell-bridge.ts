import {
  buildApi,
  CallResultEnvelope,
  fail,
  type CallResult,
  type Invoke,
  type LbtApi,
} from '../../src/shared/contract';
import { adoptFragmentToken, storedToken, watchFragmentToken } from './launch-token';
import { socketInvoke, unreachable } from './socket-invoke';

declare global {
  interface Window {
    lbt: LbtApi;
  }
}

const CALL_PATH = '/lbt/v1/call/';

/**
 * In Electron the preload has already put `window.lbt` in place. In the Chromium shell the page builds
 * the same object over loopback, using the launch token handed over in the URL fragment (which is
 * never sent to any server) and kept for this tab only: over a WebSocket, which costs about as little
 * per call as Electron's IPC, or over `POST /lbt/v1/call/:channel` when the socket is not available.
 */
export function installShellBridge(win: Window = window): LbtApi {
  if (win.lbt) return win.lbt;
  adoptFragmentToken(win);
  watchFragmentToken(win, () => win.location.reload());
  const token = storedToken(win);
  const post: Invoke = async (channel, request): Promise<CallResult<unknown>> => {
    try {
      const response = await win.fetch(CALL_PATH + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request ?? {}),
      });
      if (response.status === 401)
        return fail('unavailable', 'De kiosk-host weigert de verbinding (sleutel ontbreekt).');
      const parsed = CallResultEnvelope.safeParse(await response.json());
      return parsed.success
        ? parsed.data
        : fail('invalid_response', 'Onverwacht antwoord van de kiosk-host.');
    } catch {
      return unreachable();
    }
  };
  win.lbt = buildApi(socketInvoke(win, token, post));
  return win.lbt;
}
