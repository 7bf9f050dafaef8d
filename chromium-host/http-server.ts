import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { CallErrorCode, CallResult } from '../src/shared/contract';
import { fail } from '../src/shared/contract';
import { SECURITY_HEADERS } from '../src/shared/security/csp';
import { readVerified, type PackageFile } from '../src/host/items/read-verified';
import type { Router } from '../src/host/router';
import { attachCallSocket } from './call-socket';
import { callOriginProblem } from './same-origin';
import { ASSET_COOKIE, assetCookieMatches, assetCookieValue, tokenMatches } from './token';

export const CALL_PATH = '/lbt/v1/call/';

/** How long a stopping host lets open responses finish before it cuts their connections. */
const CLOSE_GRACE_MS = 1000;

export interface ChromiumHostOptions {
  router: Router;
  /** Built renderer (out/renderer); its `kiosk/` page is the app. */
  rendererDir: string;
  token: string;
  port?: number;
  /**
   * The file behind `/package/<path>`, or null: only files listed in the loaded package's manifest
   * (see PackageStore.file). Without it, `/package/` serves nothing.
   */
  packageFile?: (path: string) => PackageFile | null;
}

export interface RunningHost {
  /** Base URL of the kiosk page, without the token fragment. */
  url: string;
  /**
   * The page plus the launch token in the fragment (never sent to a server). Secret: never put it on a command
   * line; the kiosk browser gets it through a 0600 launch page (writeLaunchPage in launch-browser.ts).
   */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

const STATUS_FOR: Record<CallErrorCode, number> = {
  unknown_channel: 404,
  invalid_request: 400,
  rejected: 409,
  unavailable: 503,
  invalid_response: 500,
  internal: 500,
};

function statusOf(result: CallResult<unknown>): number {
  return result.ok ? 200 : STATUS_FOR[result.error.code];
}

/**
 * The Chromium shell's transport: serves the built renderer and carries contract calls over loopback
 * HTTP. It binds 127.0.0.1 only and refuses any call without this launch's token.
 */
export async function startChromiumHost(options: ChromiumHostOptions): Promise<RunningHost> {
  if (!existsSync(options.rendererDir)) {
    throw new Error(`The renderer is not built: ${options.rendererDir} is missing (run "npm run build").`);
  }
  const bodyLimit = 1024 * 1024;
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit });
  const assetCookie = () =>
    `${ASSET_COOKIE}=${assetCookieValue(options.token)}; Path=/package/; HttpOnly; SameSite=Strict`;

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    reply.header('Cache-Control', 'no-store');
  });

  // Malformed JSON and the like answer in the contract's own error shape, never as a crash.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const code: CallErrorCode = status < 500 ? 'invalid_request' : 'internal';
    void reply.status(status).send(fail(code, status < 500 ? error.message : 'The kiosk host failed.'));
  });

  let port = 0; // known once listening; no call can arrive before that
  app.post<{ Params: { channel: string } }>(`${CALL_PATH}:channel`, async (request, reply) => {
    const foreign = callOriginProblem(request.headers, port);
    if (foreign) {
      return reply.status(403).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: foreign,
      });
    }
    if (!tokenMatches(options.token, request.headers.authorization)) {
      return reply.status(401).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Missing or wrong launch token.',
      });
    }
    const result = await options.router.call(request.params.channel, request.body ?? {});
    reply.header('Set-Cookie', assetCookie());
    return reply.status(statusOf(result)).send(result);
  });

  // Pictures and sound of the item package, for <img>/<audio> (which cannot carry the token): only for
  // the page that made an authenticated call (it holds the asset cookie), and only manifest-listed files,
  // whose hashes were checked at load; any other path is a plain 404.
  app.get<{ Params: { '*': string } }>('/package/*', async (request, reply) => {
    if (!assetCookieMatches(options.token, request.headers.cookie)) {
      return reply.status(401).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Package files are served only to the kiosk page of this launch.',
      });
    }
    const file = options.packageFile?.(request.params['*']) ?? null;
    const body = file ? await readVerified(file) : null;
    if (!file || !body) return reply.status(404).type('text/plain').send('Not found');
    return reply.type(file.contentType).send(body);
  });

  // Unauthenticated liveness check: tells nothing but that the host is up.
  app.get('/lbt/v1/health', async () => ({ ok: true }));

  await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/', index: ['index.html'] });
  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));

  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  // The same calls over a WebSocket, which the page prefers (see call-socket.ts); the POST route stays.
  const detachSocket = attachCallSocket(app.server, {
    router: options.router,
    token: options.token,
    maxMessage: bodyLimit,
    port: () => port,
    upgradeHeaders: () => ({ 'Set-Cookie': assetCookie(), 'Cache-Control': 'no-store' }),
  });
  port = Number(new URL(address).port);
  const url = `http://127.0.0.1:${port}/kiosk/`;
  return {
    url,
    launchUrl: `${url}#lbt-token=${options.token}`,
    port,
    close: async () => {
      detachSocket();
      // Fastify waits for every open response before it closes. A media element that stopped reading a
      // /package/ audio stream holds its response open until Chromium gives up (seen: 73 s), so a stop would
      // hang. Calls in flight get a short grace; then every connection is cut (the journal is already durable).
      const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}
