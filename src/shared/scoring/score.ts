import { z } from 'zod';
import { Id, Response, type Item, type TestDefinition } from '../items';
import { cesuurVersionOf, DefinitionStatus, definitionStatusOf } from '../items/definition-status';
import { isComplete } from '../session/response-fit';
import { isCorrect } from './correctness';
import { inTwijfelzone, Outcome, outcomeOf, ScoredTwijfelzone, twijfelzoneAround } from './rules';

/** Names the scoring rules below; a result records it so a re-score can tell which rules applied. */
export const SCORING_VERSION = 'lbt-scoring/1';

/** Responses by item id, as stored in a result or a `lbt score` file; null = no answer. */
export const ResponseMap = z.record(Id, Response.nullable());
export type ResponseMap = z.infer<typeof ResponseMap>;

/** Which cesuur version a score was judged by, as a result and a sheet name it. */
export const CesuurVersionRef = z
  .object({ number: z.number().int().min(1), label: z.string().min(1), releasedAt: z.iso.date() })
  .strict();
export type CesuurVersionRef = z.infer<typeof CesuurVersionRef>;

export const ScoreResult = z
  .object({
    scoringVersion: z.literal(SCORING_VERSION),
    cesuur: z.number().int().min(0),
    raw: z.number().int().min(0),
    max: z.number().int().min(0),
    outcome: Outcome,
    /** The definition's status: a pilot gives no advice, a provisional one only a voorlopig advice. */
    definitionStatus: DefinitionStatus,
    cesuurVersion: CesuurVersionRef,
    /** Why the advice is only voorlopig (provisional definitions); null otherwise. */
    voorlopig: z.string().nullable(),
    twijfelzone: ScoredTwijfelzone,
    unanswered: z.number().int().min(0),
    items: z.array(z.object({ itemId: Id, answered: z.boolean(), correct: z.boolean() }).strict()),
  })
  .strict();
export type ScoreResult = z.infer<typeof ScoreResult>;

/** The reason a provisional definition gives when its cesuur version names none. */
const PROVISIONAL_REASON = 'de cesuur is nog niet vastgesteld in een standaardbepaling';

export interface ScoreOptions {
  /** Overrides the definition's cesuur (a gemeente's configured value); the result records which was used. */
  cesuur?: number;
}

/**
 * Scores a sitting from its responses alone, so the host, the CLI and the server get the same answer
 * from the same data. An incomplete order answer counts as unanswered (and wrong). Ids in `responses`
 * that the definition does not list are ignored here; callers that must refuse them use `unknownItemIds`.
 */
export function scoreResponses(
  definition: Pick<
    TestDefinition,
    'items' | 'cesuur' | 'twijfelzone' | 'version' | 'status' | 'cesuurVersions'
  >,
  items: readonly Item[],
  responses: Readonly<Record<string, Response | null | undefined>>,
  options: ScoreOptions = {},
): ScoreResult {
  const byId = new Map(items.map((item) => [item.id, item]));
  const perItem = definition.items.map((itemId) => {
    const item = byId.get(itemId);
    if (!item)
      throw new Error(`Scoring: the test definition names item "${itemId}" that is not in the package.`);
    const response = Object.prototype.hasOwnProperty.call(responses, itemId) ? responses[itemId] : null;
    const answered = isComplete(response);
    return { itemId, answered, correct: answered && isCorrect(response, item.key) };
  });
  const raw = perItem.filter((item) => item.correct).length;
  const cesuur = options.cesuur ?? definition.cesuur;
  const zone = twijfelzoneAround(cesuur, definition.twijfelzone);
  const status = definitionStatusOf(definition);
  const version = cesuurVersionOf(definition);
  return {
    scoringVersion: SCORING_VERSION,
    cesuur,
    raw,
    max: perItem.length,
    outcome: outcomeOf(raw, cesuur, status),
    definitionStatus: status,
    cesuurVersion: { number: version.number, label: version.label, releasedAt: version.releasedAt },
    voorlopig: status === 'provisional' ? (version.reason ?? PROVISIONAL_REASON) : null,
    twijfelzone: { ...zone, inZone: inTwijfelzone(raw, zone) },
    unanswered: perItem.filter((item) => !item.answered).length,
    items: perItem,
  };
}

/** Response ids that are not scored items of this definition (a response file for another package). */
export function unknownItemIds(
  definition: Pick<TestDefinition, 'items'>,
  responses: Readonly<Record<string, unknown>>,
): string[] {
  const known = new Set(definition.items);
  return Object.keys(responses).filter((id) => !known.has(id));
}
