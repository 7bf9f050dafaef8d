import { z } from 'zod';
import { CallResultEnvelope } from './call-result';

/**
 * The Chromium shell's fast transport (a WebSocket on the loopback host, see chromium-host/call-socket.ts):
 * the same call as `POST /lbt/v1/call/:channel`, with an id so the page can pair answers with calls. It exists
 * because a fetch through Chromium's network stack costs several milliseconds per call on a busy machine, where the
 * Electron shell's IPC costs well under one; the router, its checks and the answers are the same on both paths.
 */
export const SOCKET_PATH = '/lbt/v1/socket';
/** The subprotocol both sides speak; the page also offers `lbt-token.<launch token>`, which the host checks. */
export const SOCKET_PROTOCOL = 'lbt.v1';
export const SOCKET_TOKEN_PREFIX = 'lbt-token.';

export const SocketCall = z
  .object({
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    channel: z.string().max(200),
    /** The request body of the channel; absent means `{}`, as an empty POST body does. */
    request: z.unknown().optional(),
  })
  .strict();
export type SocketCall = z.infer<typeof SocketCall>;

/** The answer to one call. `id` is null only when the host could not read the call's id (bad JSON and the like). */
export const SocketReply = z
  .object({
    id: z.number().int().nonnegative().nullable(),
    result: CallResultEnvelope,
  })
  .strict();
export type SocketReply = z.infer<typeof SocketReply>;
