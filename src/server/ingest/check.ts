/**
 * Everything `POST /v1/results` checks before a result may be written, in the order that gives the clearest
 * refusal: JSON (strict: no repeated names), schema, device (enrolled, not revoked), key, signature, package; then the re-score. Throws a
 * ProblemError for every refusal; nothing here writes.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SignedResult } from '../../shared/result';
import type { IngestFlag } from '../../shared/results-service';
import { scoreResponses } from '../../shared/scoring';
import { CanonicalizationError } from '../../shared/signing';
import { canonicalJsonOfParsed } from '../crypto/canonical-json';
import { verifyEd25519 } from '../crypto/ed25519';
import type { Database } from '../db/tables';
import { referenceFitsForm } from '../../shared/afnemer/reference-form';
import { referenceFormAt } from '../admin/reference-forms';
import { gemeenteAt } from '../devices/enrollment-history';
import { devicePublicKey, requireActiveDevice } from '../devices/lookup';
import { parseJsonBody } from '../http/json-body';
import { issueLines, ProblemError } from '../http/problem';
import type { PackageIndex } from '../packages';
import { resultColumns, type ResultColumns } from './columns';

export interface CheckedResult {
  columns: ResultColumns;
  /** The body exactly as received: the signed evidence is kept byte for byte. */
  envelopeText: string;
  envelopeHash: string;
  payloadHash: string;
  flags: IngestFlag[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function checkResult(
  db: Kysely<Database>,
  packages: PackageIndex,
  text: string,
  /** What the strict body parser made of `text`, when it already ran (the request thread); else parsed here. */
  parsed?: unknown,
): Promise<CheckedResult> {
  const json = parsed === undefined ? parseJsonBody(text) : parsed;
  const envelopeParsed = SignedResult.safeParse(json);
  if (!envelopeParsed.success) {
    throw new ProblemError(
      400,
      'invalid',
      'The body is not a signed result (lbt.result/1).',
      issueLines(envelopeParsed.error),
    );
  }
  const envelope = envelopeParsed.data;
  const record = envelope.payload;

  const device = await requireActiveDevice(db, record.deviceId, 403);
  if (envelope.keyId !== device.key_id) {
    throw new ProblemError(
      400,
      'bad-signature',
      `The result is signed with key ${envelope.keyId}, not with the key enrolled for ${device.device_id}.`,
    );
  }
  // The bytes the device signed are the canonical form of the payload *as received* (not as zod re-shaped it).
  let payloadText: string;
  try {
    payloadText = canonicalJsonOfParsed((json as { payload: unknown }).payload);
  } catch (error) {
    if (error instanceof CanonicalizationError) throw new ProblemError(400, 'invalid', error.message);
    throw error;
  }
  const payloadBytes = Buffer.from(payloadText, 'utf8');
  // RFC 8785 of the whole envelope, built around the payload's text instead of canonicalizing it all again (the
  // costliest step of ingest): the schema allows exactly these four keys, JCS sorts them in this order, and
  // JCS writes strings as JSON.stringify does.
  const envelopeBytes = Buffer.from(
    `{"alg":${JSON.stringify(envelope.alg)},"keyId":${JSON.stringify(envelope.keyId)},"payload":${payloadText},"signature":${JSON.stringify(envelope.signature)}}`,
    'utf8',
  );
  if (!verifyEd25519(payloadBytes, envelope.signature, devicePublicKey(device))) {
    throw new ProblemError(400, 'bad-signature', 'The signature does not match the result payload.');
  }

  // After the signature, so the refusal speaks for the device that signed it. A demonstration sitting is no
  // afname: refused whole rather than stored flagged, so no review query can ever count it (docs/OPERATIONS.md).
  if (record.demo) {
    throw new ProblemError(
      422,
      'demo-result',
      'This result is from a demonstration sitting (demo mode); the results service does not store demo results.',
    );
  }

  const pkg = packages.get(record.package.packageHash);
  if (!pkg) {
    // Named apart from "unknown" so the operator knows the fix: start once with that package again (the log at
    // start says what is wrong with the archived row; the kiosk need not).
    throw new ProblemError(
      422,
      'unknown-package',
      packages.isDamaged(record.package.packageHash)
        ? `The service's archived copy of item package ${record.package.packageHash} is damaged; it is refused until the service is started with that package again.`
        : `The service has no item package with hash ${record.package.packageHash}.`,
    );
  }
  if (
    pkg.definition.id !== record.package.definitionId ||
    pkg.definition.version !== record.package.definitionVersion
  ) {
    throw new ProblemError(
      422,
      'unknown-package',
      `Package ${record.package.packageHash} holds test definition ${pkg.definition.id} ${pkg.definition.version}, not ${record.package.definitionId} ${record.package.definitionVersion}.`,
    );
  }

  // Re-score from the raw responses with the service's own keys and the cesuur of the package's own test
  // definition: the cesuur decides the outcome, so it is never taken from the device.
  const responses = Object.fromEntries(record.items.map((item) => [item.itemId, item.response]));
  const score = scoreResponses(pkg.definition, pkg.items, responses);
  const completed = record.status === 'completed';
  const cesuurMismatch =
    record.scoring.cesuur !== score.cesuur ||
    record.scoring.twijfelzone.from !== score.twijfelzone.from ||
    record.scoring.twijfelzone.to !== score.twijfelzone.to;
  // An outcome judged by another cesuur differs for that reason alone; `cesuur-mismatch` says so already.
  const mismatch =
    score.raw !== record.scoring.raw ||
    score.max !== record.scoring.max ||
    (completed && !cesuurMismatch && score.outcome !== record.scoring.outcome);
  const flags: IngestFlag[] = [];
  // The route logs the mismatch (ids and figures only); the columns keep both scores.
  if (mismatch) flags.push('score-mismatch');
  // The gemeente the device was enrolled for when the sitting was opened decides where a result belongs, so one
  // gemeente's kiosk cannot file results under another, and a kiosk that moved does not take its undelivered
  // results along; a different claim in the payload is kept in the envelope and flagged.
  const gemeente = await gemeenteAt(db, device.device_id, record.timing.openedAt, device.gemeente);
  const gemeenteMismatch = record.gemeente !== gemeente;
  if (gemeenteMismatch) flags.push('gemeente-mismatch');
  // Stored with the package's cesuur and flagged rather than refused: the evidence is kept and the dashboard
  // never sees the claimed value (docs/RESULTS.md, "Ingest").
  if (cesuurMismatch) flags.push('cesuur-mismatch');
  // A reference outside the gemeente's form at the sitting (an old kiosk, or a roster not yet fetched) is stored
  // and flagged for the dashboard, not refused: the kiosk could never send it differently, and refusing would
  // lose the sitting. Not a receipt flag, which kiosks parse strictly.
  const form = await referenceFormAt(db, gemeente, record.timing.openedAt);
  const referenceFormBroken = form !== null && !referenceFitsForm(form, record.candidateRef);

  return {
    columns: resultColumns(record, score, gemeente, {
      scoreMismatch: mismatch,
      cesuurMismatch,
      gemeenteMismatch,
      referenceFormBroken,
    }),
    envelopeText: text,
    envelopeHash: sha256(envelopeBytes),
    payloadHash: sha256(payloadBytes),
    flags,
  };
}
