/**
 * `GET /v1/health`: answers only when the database answers, so a load balancer can take an instance out.
 * Without authentication it says only `{ status: 'ok' }`; the version is for `npx lbt server --version`.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { refuseOtherMethods } from '../http/errors';
import { ProblemError } from '../http/problem';
import type { ServiceDeps } from '../service-deps';

export async function healthRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  app.get('/v1/health', async () => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw new ProblemError(503, 'unavailable', 'The database does not answer.');
    }
    // Unauthenticated, so it names nothing an attacker could use (no version, no database kind).
    return { status: 'ok' };
  });
  refuseOtherMethods(app, '/v1/health', ['GET']);
}
