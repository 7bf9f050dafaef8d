import { z } from 'zod';
import { difByItem, DIF_MINIMUM_GROUP, EtsClass, TOO_FEW, type DifGroup } from './dif';
import { conditionEffect } from './matched-difference';
import type { ResponseMatrix } from './responses';

/**
 * DIF by afnamecondities: per condition one comparison of a reference and a focal group, with the MH result per
 * item and the score difference at equal ability. What the service computes and the dashboard's DIF view (the
 * forest plot) reads. The seeds' question, "does the result reflect the conditions?", answered per condition.
 */
export const DifCondition = z.enum([
  'language',
  'inputType',
  'interpreter',
  'doelgroep',
  'groupSize',
  'deviceModel',
  'afnemer',
]);
export type DifCondition = z.infer<typeof DifCondition>;

/** JSON has no infinity: an odds ratio that a table cannot bound (a zero cell everywhere) is null. */
const bounded = z.number().finite().nullable();

export const ItemDifRow = z
  .object({
    itemId: z.string().min(1),
    class: z.union([EtsClass, z.literal(TOO_FEW)]),
    alpha: bounded,
    deltaMh: bounded,
    se: bounded,
    chiSquare: bounded,
  })
  .strict();

export const ConditionEffect = z
  .object({
    /** Focal minus reference, raw-score points on the items not in the anchor, at equal anchor score. */
    difference: z.number().finite(),
    se: z.number().finite().nonnegative(),
    low: z.number().finite(),
    high: z.number().finite(),
    /** The items classed A that served as the ability anchor. */
    anchorItems: z.number().int().positive(),
  })
  .strict();

export const DifComparison = z
  .object({
    condition: DifCondition,
    /** The groups' labels, e.g. "touch" and "mouse", "nl" and "ar". */
    reference: z.string().min(1),
    focal: z.string().min(1),
    referenceCount: z.number().int().nonnegative(),
    focalCount: z.number().int().nonnegative(),
    minimumGroup: z.number().int().positive(),
    items: z.array(ItemDifRow),
    /** null with `effectNote` saying why (in Dutch) when there is nothing to measure. */
    effect: ConditionEffect.nullable(),
    effectNote: z.string().nullable(),
  })
  .strict();
export type DifComparison = z.infer<typeof DifComparison>;

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** One comparison: MH per item (two stages, minimum-size rule) and the condition's effect on the DIF items. */
export function difComparison(input: {
  responses: ResponseMatrix;
  groups: readonly DifGroup[];
  itemIds: readonly string[];
  condition: DifCondition;
  reference: string;
  focal: string;
  minimumGroup?: number;
}): DifComparison {
  const minimumGroup = input.minimumGroup ?? DIF_MINIMUM_GROUP;
  const dif = difByItem(input.responses, input.groups, minimumGroup);
  const anchor = dif.filter((d) => d.class === 'A').map((d) => d.item);
  const tooFew = dif.some((d) => d.class === TOO_FEW);
  let effect: DifComparison['effect'] = null;
  let effectNote: string | null = null;
  if (tooFew) effectNote = TOO_FEW;
  else if (anchor.length === dif.length)
    effectNote = 'geen item met DIF: er is geen verschil bij gelijke vaardigheid';
  else if (anchor.length === 0) effectNote = 'geen item zonder DIF om vaardigheid op te meten';
  else
    effect = {
      ...pick(conditionEffect(input.responses, input.groups, anchor)),
      anchorItems: anchor.length,
    };
  return DifComparison.parse({
    condition: input.condition,
    reference: input.reference,
    focal: input.focal,
    referenceCount: dif[0]?.reference ?? 0,
    focalCount: dif[0]?.focal ?? 0,
    minimumGroup,
    items: dif.map((d) => ({
      itemId: input.itemIds[d.item],
      class: d.class,
      alpha: 'alpha' in d ? orNull(d.alpha) : null,
      deltaMh: 'deltaMh' in d ? orNull(d.deltaMh) : null,
      se: 'se' in d ? orNull(d.se) : null,
      chiSquare: 'chiSquare' in d ? orNull(d.chiSquare) : null,
    })),
    effect,
    effectNote,
  });
}

function pick({ difference, se, low, high }: { difference: number; se: number; low: number; high: number }) {
  return { difference, se, low, high };
}
