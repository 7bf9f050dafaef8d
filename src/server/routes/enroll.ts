/**
 * `POST /v1/devices/enroll`: a kiosk redeems a one-time code with its public key. The code is claimed with one
 * conditional UPDATE (unused and unexpired), so two kiosks racing for one code cannot both win.
 */
import type { FastifyInstance } from 'fastify';
import { EnrollRequest, type EnrollResponse } from '../../shared/results-service';
import { enrollmentCodeHash } from '../admin/enrollment-codes';
import { keyIdOfRaw } from '../crypto/ed25519';
import { recordEnrollment } from '../devices/enrollment-history';
import { findDevice } from '../devices/lookup';
import { refuseOtherMethods } from '../http/errors';
import type { JsonBody } from '../http/json-body';
import { issueLines, ProblemError } from '../http/problem';
import type { ServiceDeps } from '../service-deps';

export async function enrollRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  app.post('/v1/devices/enroll', async (request, reply) => {
    const parsed = EnrollRequest.safeParse((request.body as JsonBody).value);
    if (!parsed.success) {
      // A refused key is named in the detail: the kiosk must make a new key, not fix its request.
      const keyIssue = parsed.error.issues.find((issue) => issue.path[0] === 'publicKey');
      throw new ProblemError(
        400,
        'invalid',
        keyIssue
          ? `The public key is refused: ${keyIssue.message}.`
          : 'The body is not an enrollment request.',
        issueLines(parsed.error),
      );
    }
    const req = parsed.data;
    // The schema accepted only the canonical base64 of a usable key, so the text and the bytes are one.
    const keyId = keyIdOfRaw(Buffer.from(req.publicKey, 'base64'));
    if (req.keyId !== keyId || req.deviceId !== `lbt-dev-${keyId.slice(0, 16)}`) {
      throw new ProblemError(
        400,
        'invalid',
        'keyId and deviceId must be derived from the public key (sha256).',
      );
    }
    const existing = await findDevice(deps.db, req.deviceId);
    if (existing?.revoked_at) {
      // A revoked key stays revoked: a device that was revoked must make a new key to be enrolled again.
      throw new ProblemError(
        403,
        'revoked-device',
        `Device ${req.deviceId} was revoked; it cannot be enrolled again.`,
      );
    }

    const now = deps.now().toISOString();
    const codeHash = enrollmentCodeHash(req.code);
    const enrolled = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('enrollment_codes')
        .set({ used_at: now, used_by: req.deviceId })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['gemeente', 'label'])
        .executeTakeFirst();
      if (!claimed) return null;
      await trx
        .insertInto('devices')
        .values({
          device_id: req.deviceId,
          key_id: keyId,
          public_key: req.publicKey,
          gemeente: claimed.gemeente,
          label: claimed.label,
          enrolled_at: now,
          revoked_at: null,
        })
        // Re-enrolling an active device (a new code, e.g. moved to another gemeente) updates it.
        .onConflict((oc) =>
          oc
            .column('device_id')
            .doUpdateSet({ gemeente: claimed.gemeente, label: claimed.label, enrolled_at: now }),
        )
        .execute();
      // Results of sittings before this moment still belong to the previous gemeente (ingest reads this).
      await recordEnrollment(trx, req.deviceId, claimed.gemeente, now);
      return claimed;
    });
    if (!enrolled) throw await codeRefusal(deps, codeHash, now);

    const body: EnrollResponse = {
      deviceId: req.deviceId,
      gemeente: enrolled.gemeente,
      enrolledAt: now,
      serverKey: deps.serverKey.pinned,
    };
    return reply.code(201).send(body);
  });
  refuseOtherMethods(app, '/v1/devices/enroll', ['POST']);
}

/** Says why a code was not accepted, so the administrator knows whether to issue a new one. */
async function codeRefusal(deps: ServiceDeps, codeHash: string, now: string): Promise<ProblemError> {
  const row = await deps.db
    .selectFrom('enrollment_codes')
    .select(['used_at', 'expires_at'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  const detail = !row
    ? 'This enrollment code is not known.'
    : row.used_at
      ? 'This enrollment code was already used; ask for a new one.'
      : row.expires_at <= now
        ? `This enrollment code expired at ${row.expires_at}; ask for a new one.`
        : 'This enrollment code cannot be used.';
  return new ProblemError(400, 'bad-enrollment-code', detail);
}
