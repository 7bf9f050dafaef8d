/** `POST /v1/results`: ingest one device-signed result; answers with the signed receipt (see ingest/). */
import type { FastifyInstance } from 'fastify';
import type { IngestResponse } from '../../shared/results-service';
import type { DeviceLimiter } from '../http/device-limit';
import { refuseOtherMethods } from '../http/errors';
import type { JsonBody } from '../http/json-body';
import { ProblemError } from '../http/problem';
import type { ServiceDeps } from '../service-deps';

export async function resultsRoutes(
  app: FastifyInstance,
  deps: ServiceDeps,
  devices: DeviceLimiter,
): Promise<void> {
  app.post('/v1/results', async (request, reply) => {
    const upload = request.body as JsonBody;
    const checked = await deps.checker.check(upload.text, upload.value);
    // The device is proved now (its enrolled key signed the result): its budget is counted before the write.
    devices.take(checked.columns.device_id, reply);
    if (checked.flags.includes('score-mismatch')) {
      // Ids and figures only: no candidate reference, no answers.
      request.log.warn(
        {
          resultId: checked.columns.result_id,
          deviceId: checked.columns.device_id,
          rawClient: checked.columns.raw_client,
          rawServer: checked.columns.raw,
        },
        'score mismatch: stored with the service score and flagged',
      );
    }
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
