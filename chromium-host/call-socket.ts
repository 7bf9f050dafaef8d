import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeIssues, fail, type CallResult } from '../src/shared/contract';
import { callOriginProblem } from './same-origin';
import {
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
  SocketCall,
  type SocketReply,
} from '../src/shared/contract/socket-call';
import type { Router } from '../src/host/router';
import { tokenMatches } from './token';

export interface CallSocketOptions {
  router: Router;
  token: string;
  /** Same limit as the POST body. */
  maxMessage: number;
  /** The port the host listens on, for the Host and Origin checks (same-origin.ts). */
  port: () => number;
  /** Extra headers of the 101 answer (the asset cookie, as a POST answer sets it). */
  upgradeHeaders: () => Record<string, string>;
}

/** RFC 6455 close codes used here. */
const GOING_AWAY = 1001;
const UNSUPPORTED_DATA = 1003;

/**
 * Contract calls over one WebSocket per page, beside `POST /lbt/v1/call/:channel` (which stays as the
 * fallback): the same token check, the same router with its request and response schemas, the same
 * answer envelope. A loopback fetch from Chromium costs 6-8 ms of its own network stack per call, a socket
 * message about 1 ms, which is much nearer to the Electron IPC this host stands in for (docs/BENCHMARKS.md).
 * Calls are handed to the router in the order they arrive, as Electron's IPC does, and answered by id; the
 * page's store sends its events one at a time, so the one-in-flight rule is the page's, on either path.
 *
 * The WebSocket protocol itself (handshake, framing, masking, UTF-8, ping, close, size limit) is the `ws`
 * library's. Browsers cannot put an Authorization header on a WebSocket, so the page offers the launch token as
 * a second subprotocol (`lbt-token.<token>`); a handshake without it is answered 401, like a POST.
 */
export function attachCallSocket(server: Server, options: CallSocketOptions): () => void {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessage,
    // Only `lbt.v1` is ever chosen; the token subprotocol is never echoed back.
    handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  sockets.on('headers', (headers) => {
    for (const [name, value] of Object.entries(options.upgradeHeaders())) headers.push(`${name}: ${value}`);
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error handler off an upgraded socket: without one, a reset would end the host.
    socket.on('error', () => socket.destroy());
    if (new URL(request.url ?? '/', 'http://host').pathname !== SOCKET_PATH) {
      refuse(socket, 404, 'Not Found', 'No such socket.');
      return;
    }
    const foreign = callOriginProblem(request.headers, options.port());
    if (foreign) {
      refuse(socket, 403, 'Forbidden', foreign);
      return;
    }
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX))?.slice(SOCKET_TOKEN_PREFIX.length);
    if (!tokenMatches(options.token, token === undefined ? undefined : `Bearer ${token}`)) {
      refuse(socket, 401, 'Unauthorized', 'Missing or wrong launch token.');
      return;
    }
    if (!offered.includes(SOCKET_PROTOCOL)) {
      refuse(socket, 400, 'Bad Request', `Expected a WebSocket handshake offering "${SOCKET_PROTOCOL}".`);
      return;
    }
    // ws answers a malformed handshake (method, version, key) with 400 itself.
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws, options.router));
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const ws of sockets.clients) closeSoon(ws, GOING_AWAY, 'The host is stopping.');
    sockets.close();
  };
}

/** Sends a close; a peer that does not answer it (ws would wait 30 s) is cut off after 200 ms. */
function closeSoon(ws: WebSocket, code: number, reason: string): void {
  ws.close(code, reason);
  setTimeout(() => ws.terminate(), 200).unref();
}

function refuse(socket: Duplex, status: number, title: string, detail: string): void {
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Answers calls from one page until its socket closes. */
function serve(ws: WebSocket, router: Router): void {
  // A protocol violation is answered by ws with the right close code; the error itself needs no more.
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      closeSoon(ws, UNSUPPORTED_DATA, 'Calls are text messages.');
      return;
    }
    void answer(ws, String(data), router);
  });
}

function send(ws: WebSocket, reply: SocketReply): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
}

/**
 * Answers one call in the envelope the POST path uses. The router starts the call now, in arrival order;
 * the answer goes out whenever it is ready, tagged with the call's id.
 */
async function answer(ws: WebSocket, text: string, router: Router): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    send(ws, {
      id: null,
      result: fail('invalid_request', `The call is not valid JSON: ${(error as Error).message}`),
    });
    return;
  }
  const call = SocketCall.safeParse(data);
  if (!call.success) {
    const id = SocketCall.shape.id.safeParse((data as { id?: unknown } | null)?.id);
    send(ws, {
      id: id.success ? id.data : null,
      result: fail('invalid_request', 'The call does not match its schema.', describeIssues(call.error)),
    });
    return;
  }
  let result: CallResult<unknown>;
  try {
    result = await router.call(call.data.channel, call.data.request ?? {});
  } catch {
    result = fail('internal', 'The kiosk host failed.');
  }
  send(ws, { id: call.data.id, result });
}
