import { z } from 'zod';
import { ResultRecord } from '../result/record';
import { AuditEntry } from './audit';
import { LeerrouteRecord } from './results';

/**
 * The privacy officer's endpoints (issue 20, items 4 and 5): the gemeente's retention period and data-subject
 * requests (everything held about one candidate reference, and its erasure). docs/PRIVACY.md.
 */

/** `GET /v1/review/retention`. */
export const RetentionSettings = z
  .object({
    /** Months after the sitting; `isDefault` when the gemeente has not set its own. */
    months: z.number().int().min(1),
    isDefault: z.boolean(),
    defaultMonths: z.number().int().min(1),
    /** Results closed before this time are past the period now and go at the next run. */
    cutoff: z.iso.datetime(),
    due: z.number().int().min(0),
  })
  .strict();
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** `PUT /v1/review/retention`: null returns to the default. */
export const SetRetentionRequest = z.object({ months: z.number().int().min(1).max(120).nullable() }).strict();
export type SetRetentionRequest = z.infer<typeof SetRetentionRequest>;

/** `POST /v1/review/retention/run`: how many results were deleted. */
export const RetentionRunResponse = z
  .object({ deleted: z.number().int().min(0), cutoff: z.iso.datetime() })
  .strict();
export type RetentionRunResponse = z.infer<typeof RetentionRunResponse>;

/** A candidate reference in a path: the same bounds as the record's. */
export const SubjectRef = z.string().trim().min(1).max(64);

/** `GET /v1/review/subjects/:ref`: everything the service holds about one candidate reference in the gemeente. */
export const SubjectExport = z
  .object({
    schema: z.literal('lbt.subject-export/1'),
    gemeente: z.string(),
    candidateRef: z.string(),
    generatedAt: z.iso.datetime(),
    results: z.array(
      z
        .object({
          resultId: z.string(),
          storedAt: z.iso.datetime(),
          /** The signed result as the kiosk made it (answers, conditions, timing). */
          record: ResultRecord,
          /** The service's own score and outcome. */
          score: z
            .object({ raw: z.number().int(), max: z.number().int(), cesuur: z.number().int() })
            .strict(),
          outcome: z.string().nullable(),
          leerroute: LeerrouteRecord.nullable(),
        })
        .strict(),
    ),
    auditEntries: z.array(AuditEntry),
  })
  .strict();
export type SubjectExport = z.infer<typeof SubjectExport>;

/** `POST /v1/review/subjects/:ref/erase`: the reference typed again, so an erasure is never one stray click. */
export const EraseSubjectRequest = z.object({ confirm: SubjectRef }).strict();
export type EraseSubjectRequest = z.infer<typeof EraseSubjectRequest>;
export const EraseSubjectResponse = z.object({ erased: z.number().int().min(0) }).strict();
export type EraseSubjectResponse = z.infer<typeof EraseSubjectResponse>;
