import { z } from 'zod';
import { FamilyId, Id } from './ids';
import { InteractionKind } from './response';

/**
 * The answering strategies a candidate could use instead of learning the rule (docs/ITEMS.md: "no shortcut
 * scores"). `random` is the yardstick; every other strategy should score no better than it.
 */
export const StrategyName = z.enum([
  'random',
  'copy-position',
  'copy-picture',
  'first',
  'context-picture',
  'unchanged-figure',
]);
export type StrategyName = z.infer<typeof StrategyName>;

/** For the CLI's table and problem messages: what the strategy does, in a few words. */
export const strategyLabels: Readonly<Record<StrategyName, string>> = {
  random: 'random guessing',
  'copy-position': "copy the hand's position",
  'copy-picture': "copy the hand's picture",
  first: 'always the first',
  'context-picture': 'the picture also shown above',
  'unchanged-figure': 'the figure left unchanged',
};

/** Raw score per strategy: exact (0 or 1 per item) or expected where part of the answer is guessed. */
export const StrategyScores = z.record(StrategyName, z.number().min(0));
export type StrategyScores = z.infer<typeof StrategyScores>;

export const ItemStrategyScores = z
  .object({
    id: Id,
    family: FamilyId,
    kind: InteractionKind,
    /** Index of the key among the opgave's options or targets; null for order items (or a key not found). */
    keyPosition: z.number().int().min(0).nullable(),
    /** Each strategy's chance of answering this opgave correctly. */
    scores: StrategyScores,
  })
  .strict();
export type ItemStrategyScores = z.infer<typeof ItemStrategyScores>;

/** Key counterbalancing over the choose/place opgaven; index = position (0 = first option or target). */
export const KeyPositions = z
  .object({
    counts: z.array(z.number().int().min(0)),
    /** What guessing the key's place would give: the sum over items of 1/options for each position they have. */
    expected: z.array(z.number().min(0)),
  })
  .strict();
export type KeyPositions = z.infer<typeof KeyPositions>;

/** What `strategyScores` computes for a bank, and what `lbt items verify --json` prints of it. */
export const StrategyReport = z
  .object({
    itemCount: z.number().int().min(0),
    items: z.array(ItemStrategyScores),
    totals: StrategyScores,
    keyPositions: KeyPositions,
  })
  .strict();
export type StrategyReport = z.infer<typeof StrategyReport>;
