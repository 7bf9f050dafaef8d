import { fail, type CallResult, type Invoke } from '../../src/shared/contract';
import {
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
  SocketReply,
} from '../../src/shared/contract/socket-call';

/** How long a call waits for the socket to open before it takes the POST path instead. */
const OPEN_TIMEOUT_MS = 2000;

/**
 * The answer to a call that lost its way to the host, on either path. The console shows this sentence as is
 * (e.g. on the PIN pad of the afnemer's overlay), so it says what to do; the candidate sees only an hourglass.
 */
export const unreachable = () =>
  fail(
    'unavailable',
    'De kiosk-host reageert niet. De kiosk probeert het steeds opnieuw; de antwoorden tot nu toe blijven bewaard. ' +
      'Blijft dit zo, start de kiosk dan opnieuw en hervat de afname.',
  );

/**
 * Contract calls over one WebSocket to the Chromium host (chromium-host/call-socket.ts), the
 * page-side half of the transport that stands in for Electron's IPC. Returns an `Invoke` that sends over
 * the socket when it is open and otherwise calls `fallback` (the POST path): when the browser has no
 * WebSocket, when the host refuses the handshake (wrong token: the POST then gives the usual answer) or
 * when the socket closed. A call whose socket closes before its answer is answered `unavailable`, exactly
 * like a fetch that loses its connection; it is never sent a second time, as the host may have acted on it.
 */
export function socketInvoke(win: Window, token: string, fallback: Invoke): Invoke {
  const Socket = (win as Window & { WebSocket?: typeof WebSocket }).WebSocket;
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket | null> | null = null;

  const connect = (): Promise<WebSocket | null> =>
    new Promise((resolve) => {
      let ws: WebSocket;
      try {
        const url = new URL(SOCKET_PATH, win.location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        ws = new Socket!(url.toString(), [SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token]);
      } catch {
        resolve(null);
        return;
      }
      const timer = win.setTimeout(() => {
        ws.close();
        resolve(null);
      }, OPEN_TIMEOUT_MS);
      ws.onopen = () => {
        win.clearTimeout(timer);
        resolve(ws.protocol === SOCKET_PROTOCOL ? ws : null);
      };
      ws.onmessage = (event) => {
        let data: unknown = null;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          // Not an answer; nothing waits for it.
        }
        const reply = SocketReply.safeParse(data);
        if (!reply.success || reply.data.id === null) return;
        const settle = pending.get(reply.data.id);
        pending.delete(reply.data.id);
        settle?.(reply.data.result as CallResult<unknown>);
      };
      ws.onclose = () => {
        win.clearTimeout(timer);
        resolve(null);
        socket = null;
        for (const settle of pending.values()) settle(unreachable());
        pending.clear();
      };
    });

  return async (channel, request) => {
    if (typeof Socket !== 'function' || !token) return fallback(channel, request);
    socket ??= connect();
    const ws = await socket;
    if (!ws || ws.readyState !== Socket.OPEN) {
      // Refused or gone: let the next call try again, this one goes the POST way.
      if (socket && (await socket) === ws) socket = null;
      return fallback(channel, request);
    }
    const id = nextId++;
    return new Promise<CallResult<unknown>>((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, request: request ?? {} }));
    });
  };
}
