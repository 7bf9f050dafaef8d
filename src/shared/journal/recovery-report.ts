import { z } from 'zod';
import { JsonValue } from './json-value';

/** Why a journal was refused: corruption before its end, which recovery never repairs by itself. */
export const RefusalReason = z.enum([
  'bad-header',
  'session-mismatch',
  'wrong-key',
  'bad-head-checksum',
  'bad-checksum',
  'bad-record-type',
  'bad-length',
  'sequence-gap',
  'chain-break',
  'decrypt-failed',
  'bad-event',
  'record-after-close',
  'anchor-missing',
  'anchor-invalid',
  'rolled-back',
  'anchor-mismatch',
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

/**
 * Refusals that bytes on a failing disk or an interrupted write cannot produce: every checksum passed, or the
 * head anchor contradicts the journal. These are reported as tampering, not as damage.
 */
export const TAMPERING_REASONS: readonly RefusalReason[] = [
  'sequence-gap',
  'chain-break',
  'decrypt-failed',
  'anchor-missing',
  'anchor-invalid',
  'rolled-back',
  'anchor-mismatch',
];

export function isTampering(reason: RefusalReason): boolean {
  return TAMPERING_REASONS.includes(reason);
}

/** Why a tail was judged torn: the shapes an interrupted write leaves behind. */
export const TornReason = z.enum(['partial-head', 'partial-record', 'bad-checksum-at-tail', 'zero-filled']);
export type TornReason = z.infer<typeof TornReason>;

/** A torn final record that recovery cut off. Record numbers count from 1 (the first record after the header). */
export const Truncation = z
  .object({
    recordNumber: z.number().int().positive(),
    /** Byte offset where the torn record began; the file now ends here. */
    offset: z.number().int().nonnegative(),
    bytesCut: z.number().int().positive(),
    reason: TornReason,
    /** Where the cut bytes were kept for inspection, or null when they could not be saved. */
    savedAs: z.string().nullable(),
  })
  .strict();
export type Truncation = z.infer<typeof Truncation>;

export const JournalRefusal = z
  .object({
    status: z.literal('refused'),
    file: z.string(),
    /** 0 for the file header, otherwise the 1-based record number. */
    recordNumber: z.number().int().nonnegative(),
    reason: RefusalReason,
    detail: z.string(),
  })
  .strict();
export type JournalRefusal = z.infer<typeof JournalRefusal>;

export const JournalGood = z
  .object({
    status: z.enum(['open', 'closed']),
    file: z.string(),
    sessionId: z.string(),
    createdAtMs: z.number().int().nonnegative(),
    /** The committed events in order; the close record's value is not among them. */
    events: z.array(JsonValue),
    /** The value the close record carried, or null while the journal is open. */
    closeInfo: JsonValue.nullable(),
    /** Records in the file after recovery, the close record included. */
    records: z.number().int().nonnegative(),
    /** sha256 (hex) of the last record frame, or of the genesis constant when there is none. */
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    truncated: Truncation.nullable(),
  })
  .strict();
export type JournalGood = z.infer<typeof JournalGood>;

export const JournalScanResult = z.discriminatedUnion('status', [JournalGood, JournalRefusal]);
export type JournalScanResult = z.infer<typeof JournalScanResult>;
