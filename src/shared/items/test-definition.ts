import { z } from 'zod';
import { DevicePolicy } from '../device/policy';
import { CesuurVersion, DefinitionStatus } from './definition-status';
import { FamilyId, Id, LanguageCode } from './ids';

/**
 * The test definition: which items in which order, the cesuur and the policies a sitting runs under.
 * It is part of the signed package, and the values used are recorded with every result.
 * Values the research reports leave open (twijfelzone, time policy) are product decisions, documented in
 * docs/ITEMS.md.
 */
export const TestDefinition = z
  .object({
    schema: z.literal('lbt.test-definition/1'),
    id: Id,
    /** Semantic version of this definition; a result records it. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
    title: z.string().min(1),
    /** The scored items, in the order they are presented. */
    items: z.array(Id).min(1).max(80),
    /** The practice items, in order; not scored. */
    practice: z.array(Id).min(3).max(10),
    /** Families in presentation order; each gets its spoken instruction before its first item. */
    families: z.array(FamilyId).min(1),
    /** Minimum raw score for "B1-route haalbaar". 28 since April 2023 (it was 31). */
    cesuur: z.number().int().min(0).default(28),
    /** Scores from `cesuur - below` to `cesuur + above` (inclusive) are twijfelgevallen. */
    twijfelzone: z
      .object({ below: z.number().int().min(0), above: z.number().int().min(0) })
      .strict()
      .default({ below: 2, above: 2 }),
    timePolicy: z
      .object({
        /** No official limit exists; null means none. */
        maxMinutes: z.number().int().positive().nullable().default(null),
        /** An opgave answered faster than this after it was shown is flagged as implausibly fast. */
        fastAnswerMs: z.number().int().min(0).default(1500),
      })
      .strict()
      .default({ maxMinutes: null, fastAnswerMs: 1500 }),
    /** Instruction languages the afnemer may choose from; each needs instructions/<lang>.json. */
    languages: z.array(LanguageCode).min(1),
    /** Whether a candidate may go back to an earlier opgave. The LBT does not: default no. */
    allowBack: z.boolean().default(false),
    /**
     * Device rules (docs/OPERATIONS.md). Optional: absent means the documented default policy; read it with
     * `devicePolicyOf(definition)`. Added for issue 7 (optional so existing definitions stay valid as typed).
     */
    devicePolicy: DevicePolicy.optional(),
    /**
     * pilot, provisional or operational (definition-status.ts). Optional so that definitions from before issue 19
     * still load and re-score as they did: absent means operational; read it with `definitionStatusOf`.
     */
    status: DefinitionStatus.optional(),
    /**
     * Every cesuur this definition has had, oldest first; the last is in force and matches `cesuur`,
     * `twijfelzone` and `status` (`lbt definition release` appends). Absent before issue 19: read it with
     * `cesuurVersionOf`.
     */
    cesuurVersions: z.array(CesuurVersion).min(1).optional(),
  })
  .strict();
export type TestDefinition = z.infer<typeof TestDefinition>;
