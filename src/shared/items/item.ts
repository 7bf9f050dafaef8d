import { z } from 'zod';
import { AudioPath, FamilyId, Id, SvgPath } from './ids';
import { Response } from './response';

/** A picture, optionally with the sound that belongs to it (an invented word, a syllable). */
export const Visual = z
  .object({
    id: Id,
    image: SvgPath,
    audio: AudioPath.optional(),
    /** What the picture shows, in Dutch, for docs and reviewers; never shown to the candidate. */
    description: z.string().min(1).max(120),
  })
  .strict();
export type Visual = z.infer<typeof Visual>;

export const ChooseSpec = z
  .object({ kind: z.literal('choose'), options: z.array(Visual).min(2).max(6) })
  .strict();
export const OrderSpec = z
  .object({
    kind: z.literal('order'),
    /** The tiles to drag; there may be more tiles than slots (distractors). */
    tiles: z.array(Visual).min(2).max(8),
    slots: z.number().int().min(2).max(6),
  })
  .strict();
export const PlaceSpec = z
  .object({ kind: z.literal('place'), token: Visual, targets: z.array(Visual).min(2).max(6) })
  .strict();
export const InteractionSpec = z.discriminatedUnion('kind', [ChooseSpec, OrderSpec, PlaceSpec]);
export type InteractionSpec = z.infer<typeof InteractionSpec>;

/**
 * One screen of material: what is shown (`context`, e.g. picture-word pairs, a rule being applied),
 * an optional sound started with the PLAY control (`prompt`, e.g. the word to find), and the interaction.
 */
export const Scene = z
  .object({
    context: z.array(Visual).max(8),
    prompt: AudioPath.optional(),
    interaction: InteractionSpec,
  })
  .strict();
export type Scene = z.infer<typeof Scene>;

/**
 * The generator's proof that an opgave has one answer: every rule of the family's rule space (docs/ITEMS.md) that
 * reproduces the voorbeeld's demonstrated answer, with what it answers on the opgave (null: it says nothing about
 * the opgave's material). The package rules check that every non-null answer is the key.
 */
export const RuleProof = z
  .object({
    /** The family's rule model and its version, e.g. `zinnen-bouwen/1`. */
    model: z.string().regex(/^[a-z][a-z-]*\/\d+$/, 'a model name like zinnen-bouwen/1'),
    /** How many rules the model enumerated for this item. */
    rulesConsidered: z.number().int().min(1),
    consistent: z
      .array(z.object({ rule: z.string().min(1).max(160), answer: Response.nullable() }).strict())
      .max(1000),
  })
  .strict();
export type RuleProof = z.infer<typeof RuleProof>;

/**
 * `lbt.item/1` is the first reference package's format (no proof); it still loads so that results taken with it
 * re-score on the service. `lbt.item/2` carries the rule-model proof, which the package rules require.
 */
export const ItemSchemaVersion = z.enum(['lbt.item/1', 'lbt.item/2']);

export const Item = z
  .object({
    schema: ItemSchemaVersion,
    id: Id,
    family: FamilyId,
    /** 1 (easiest) upwards within the family. */
    difficulty: z.number().int().min(1).max(20),
    /** The rule the item tests, in one line, for docs/ITEMS.md and reviewers. */
    rule: z.string().min(1).max(200),
    /** The worked example; `answer` is what the animated hand demonstrates. */
    voorbeeld: Scene.extend({ answer: Response }).strict(),
    opgave: Scene,
    /** The correct answer to the opgave. */
    key: Response,
    /** Required from `lbt.item/2` on (package rules). */
    proof: RuleProof.optional(),
  })
  .strict();
export type Item = z.infer<typeof Item>;

/** A practice item: not scored, gives feedback, may be repeated; the afnemer may help here only. */
export const PracticeItem = z
  .object({
    schema: z.literal('lbt.practice/1'),
    id: Id,
    /** What the candidate practises: one tap, one drag, one listen. */
    skill: z.enum(['tap', 'drag', 'listen']),
    rule: z.string().min(1).max(200),
    /**
     * A worked example the hand demonstrates before the opgave, so that "watch, then do it yourself on new
     * material" is practised before the first scored item. Optional: a gesture-only item has none.
     */
    voorbeeld: Scene.extend({ answer: Response }).strict().optional(),
    opgave: Scene,
    key: Response,
  })
  .strict();
export type PracticeItem = z.infer<typeof PracticeItem>;
