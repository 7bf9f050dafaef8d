/** `POST /v1/results`: ingest one device-signed result; answers with the signed receipt (see ingest/). */
import type { FastifyInstance } from 'fastify';
import type { IngestResponse } from '../../shared/results-service';
import { refuseOtherMethods } from '../http/errors';
import { ProblemError } from '../http/problem';
import { checkResult } from '../ingest/check';
import type { ServiceDeps } from '../service-deps';

export async function resultsRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  app.post('/v1/results', async (request, reply) => {
    const checked = await checkResult(deps.db, deps.packages, request.body as string, request.log);
    const outcome = await deps.writer.write(checked);
    if (outcome.kind === 'conflict') {
      throw new ProblemError(
        409,
        'conflict',
        `Result ${checked.columns.result_id} is already stored with different content; a result id is used once.`,
      );
    }
    const body: IngestResponse = {
      receipt: outcome.receipt,
      duplicate: outcome.kind === 'duplicate',
      flags: checked.flags,
    };
    return reply.code(outcome.kind === 'stored' ? 201 : 200).send(body);
  });
  refuseOtherMethods(app, '/v1/results', ['POST']);
}
