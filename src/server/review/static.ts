/**
 * Serves the built dashboard (out/renderer/review, from `npm run build`) at /review/ with the one strict CSP,
 * and sends `/` there. Without a build, /review/ says in Dutch how to make one instead of a bare 404.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built dashboard in this checkout; `lbt server` passes LBT_REVIEW_DIR instead when it is set. */
export const DASHBOARD_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'out',
  'renderer',
  'review',
);

export async function serveDashboard(app: FastifyInstance, dir = DASHBOARD_DIR): Promise<void> {
  app.get('/', async (_request, reply) => reply.redirect('/review/', 302));
  app.get('/review', async (_request, reply) => reply.redirect('/review/', 301));
  await serveBuiltFolder(app, { dir, prefix: '/review/', what: 'Het dashboard' });
}

/**
 * A folder `npm run build` makes, served under `prefix` with its index page; without a build, every path there
 * answers 503 saying in Dutch how to make one. The first folder registered decorates the reply; later ones
 * pass `decorateReply: false` (@fastify/static allows one decoration per instance).
 */
export async function serveBuiltFolder(
  app: FastifyInstance,
  options: { dir: string; prefix: string; what: string; decorateReply?: boolean },
): Promise<void> {
  const { dir, prefix, what } = options;
  if (existsSync(resolve(dir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix,
      index: ['index.html'],
      wildcard: true,
      ...(options.decorateReply === false ? { decorateReply: false } : {}),
    });
    return;
  }
  app.get(`${prefix}*`, async (_request, reply) =>
    reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(`${what} is nog niet gebouwd. Voer "npm run build" uit en start de resultatenservice opnieuw.`),
  );
}
