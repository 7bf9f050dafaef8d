import { z } from 'zod';
import { trueScore } from './ability';

/** Response probability that defines an item's place in the ordered item booklet (Huynh 1998: RP67). */
const RP = 0.67;

/**
 * A bookmark study (Mitzel, Lewis, Patz & Green 2001): the items in the ordered item booklet, easiest first by
 * their RP67 location b + ln(0.67 / 0.33), and per judge the page of the last item a borderline candidate masters
 * (answers correctly with probability 0.67 or more). Pages count from 1.
 */
export const BookmarkStudy = z
  .object({
    judges: z
      .array(z.object({ judge: z.string().min(1), page: z.number().int().min(1) }).strict())
      .min(2, 'er zijn minstens 2 beoordelaars nodig voor een standaardfout'),
  })
  .strict();
export type BookmarkStudy = z.infer<typeof BookmarkStudy>;

/** The ordered item booklet: item indexes with their RP67 locations, easiest first. */
export function orderedItemBooklet(difficulties: readonly number[]): { item: number; location: number }[] {
  const shift = Math.log(RP / (1 - RP));
  return difficulties
    .map((b, item) => ({ item, location: b + shift }))
    .sort((x, y) => x.location - y.location || x.item - y.item);
}

export interface BookmarkResult {
  judgeCuts: { judge: string; page: number; theta: number }[];
  /** The panel's cut on the ability scale: the mean of the judges' RP67 locations. */
  theta: number;
  /** Its standard error across judges, SD (with J - 1) / sqrt(J), in logits. */
  se: number;
  /** The true score at the panel's cut, and the lowest whole raw score at or above it. */
  trueScore: number;
  proposedCesuur: number;
}

/** The cut of a bookmark study: each judge's cut is the RP67 location of their bookmarked item. */
export function bookmarkCut(study: BookmarkStudy, difficulties: readonly number[]): BookmarkResult {
  const parsed = BookmarkStudy.parse(study);
  const booklet = orderedItemBooklet(difficulties);
  const judgeCuts = parsed.judges.map(({ judge, page }) => {
    const entry = booklet[page - 1];
    if (!entry)
      throw new RangeError(`beoordelaar ${judge}: pagina ${page} bestaat niet (1 tot ${booklet.length})`);
    return { judge, page, theta: entry.location };
  });
  const n = judgeCuts.length;
  const theta = judgeCuts.reduce((s, j) => s + j.theta, 0) / n;
  const sd = Math.sqrt(judgeCuts.reduce((s, j) => s + (j.theta - theta) ** 2, 0) / (n - 1));
  const expected = trueScore(theta, difficulties);
  return {
    judgeCuts,
    theta,
    se: sd / Math.sqrt(n),
    trueScore: expected,
    proposedCesuur: Math.ceil(expected - 1e-9),
  };
}
