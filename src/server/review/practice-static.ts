/**
 * Serves the home practice app (out/practice, from `npm run build`) at /oefenen/: no login, no cookie, the
 * same strict CSP as every page (set by the plugin's hook). Without a build, /oefenen/ says so in Dutch.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRACTICE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'out',
  'practice',
);

export async function servePractice(app: FastifyInstance, dir = PRACTICE_DIR): Promise<void> {
  app.get('/oefenen', async (request, reply) => {
    // Keep ?lang=xx: the letter's QR code may point here without the slash.
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`/oefenen/${query}`, 301);
  });
  if (existsSync(resolve(dir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/oefenen/',
      index: ['index.html'],
      wildcard: true,
      // The dashboard's registration already decorates the reply.
      decorateReply: false,
    });
    return;
  }
  app.get('/oefenen/*', async (_request, reply) =>
    reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(
        'De oefenapp is nog niet gebouwd. Voer "npm run build" uit en start de resultatenservice opnieuw.',
      ),
  );
}
