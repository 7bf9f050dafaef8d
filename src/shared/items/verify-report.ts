import { z } from 'zod';
import { Id, Sha256Hex } from './ids';
import { PackageProblem } from './problem';
import { ItemStrategyScores, StrategyName } from './strategy-report';

/** One row of the strategy table: a strategy's raw score over the bank and how far it is above guessing. */
export const StrategyRow = z
  .object({
    name: StrategyName,
    label: z.string(),
    score: z.number().min(0),
    /** score minus random guessing's score; negative when the strategy does worse than guessing. */
    marginAboveRandom: z.number(),
  })
  .strict();
export type StrategyRow = z.infer<typeof StrategyRow>;

/**
 * What `lbt items verify --json` prints: one object, the package's strategy numbers when it is valid, every
 * problem when it is not. Tests and tools parse it with this schema.
 */
export const ItemsVerifyReport = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      dir: z.string(),
      packageId: Id,
      version: z.string(),
      packageHash: Sha256Hex,
      itemCount: z.number().int().min(0),
      /** false for the legacy all-lbt.item/1 package, which the bank rules leave alone (bank-rules.ts). */
      bankRulesApply: z.boolean(),
      /** The bank rules' bounds for this many items: guessing at most `random`, others at most guessing + `margin`. */
      bounds: z.object({ random: z.number(), margin: z.number() }).strict(),
      strategies: z.array(StrategyRow),
      items: z.array(ItemStrategyScores),
      /** Per position (0 = first option or target) of the choose/place opgaven. */
      keyPositions: z
        .object({
          counts: z.array(z.number().int().min(0)),
          expected: z.array(z.number().min(0)),
          allowed: z.array(z.number().min(0)),
        })
        .strict(),
    })
    .strict(),
  z.object({ ok: z.literal(false), dir: z.string(), problems: z.array(PackageProblem) }).strict(),
]);
export type ItemsVerifyReport = z.infer<typeof ItemsVerifyReport>;
