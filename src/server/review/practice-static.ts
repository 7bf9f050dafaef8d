/**
 * Serves the home practice app (out/practice, from `npm run build`) at /oefenen/: no login, no cookie, the
 * same strict CSP as every page (set by the plugin's hook). Without a build, /oefenen/ says so in Dutch.
 */
import type { FastifyInstance } from 'fastify';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveBuiltFolder } from './static';

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
  // The dashboard's registration already decorates the reply.
  await serveBuiltFolder(app, { dir, prefix: '/oefenen/', what: 'De oefenapp', decorateReply: false });
}
