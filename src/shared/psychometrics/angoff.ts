import { z } from 'zod';

/**
 * A modified-Angoff study: each judge gives, per item, the probability that a borderline candidate (just able to
 * reach B1 within the inburgeringstermijn) answers it correctly. A judge's cut is the sum of their
 * probabilities; the panel's cut is the mean over judges, with the standard error SD / sqrt(J) across judges
 * (Angoff 1971; Cizek & Bunch, Standard Setting, 2007, ch. 6).
 */
export const AngoffStudy = z
  .object({
    items: z.array(z.string().min(1)).min(1),
    judges: z
      .array(
        z
          .object({
            judge: z.string().min(1),
            probabilities: z.array(
              z.number().min(0, 'een kans ligt tussen 0 en 1').max(1, 'een kans ligt tussen 0 en 1'),
            ),
          })
          .strict(),
      )
      .min(2, 'er zijn minstens 2 beoordelaars nodig voor een standaardfout'),
  })
  .strict()
  .superRefine((study, ctx) => {
    const seen = new Set<string>();
    study.judges.forEach((j, n) => {
      if (j.probabilities.length !== study.items.length)
        ctx.addIssue({
          code: 'custom',
          path: ['judges', n, 'probabilities'],
          message: `beoordelaar ${j.judge} geeft ${j.probabilities.length} kansen voor ${study.items.length} items`,
        });
      if (seen.has(j.judge))
        ctx.addIssue({
          code: 'custom',
          path: ['judges', n, 'judge'],
          message: `beoordelaar ${j.judge} staat er twee keer in`,
        });
      seen.add(j.judge);
    });
    if (new Set(study.items).size !== study.items.length)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'een item staat er twee keer in' });
  });
export type AngoffStudy = z.infer<typeof AngoffStudy>;

export interface AngoffResult {
  /** Each judge's cut: the sum of their probabilities, in raw-score points. */
  judgeCuts: { judge: string; cut: number }[];
  /** The panel's cut (mean of the judges' cuts), not rounded. */
  cut: number;
  /** Standard error of the panel's cut across judges: SD (with J - 1) / sqrt(J). */
  se: number;
  /** The proposed cesuur: the lowest whole raw score at or above the panel's cut. */
  proposedCesuur: number;
}

export function angoffCut(study: AngoffStudy): AngoffResult {
  const parsed = AngoffStudy.parse(study);
  const judgeCuts = parsed.judges.map((j) => ({
    judge: j.judge,
    cut: j.probabilities.reduce((s, p) => s + p, 0),
  }));
  const n = judgeCuts.length;
  const cut = judgeCuts.reduce((s, j) => s + j.cut, 0) / n;
  const sd = Math.sqrt(judgeCuts.reduce((s, j) => s + (j.cut - cut) ** 2, 0) / (n - 1));
  // The tolerance keeps a cut of 27.999999999 (floating sums of probabilities) at 28.
  return { judgeCuts, cut, se: sd / Math.sqrt(n), proposedCesuur: Math.ceil(cut - 1e-9) };
}

export type AngoffCsv = { ok: true; study: AngoffStudy } | { ok: false; errors: string[] };

/**
 * Reads a study from CSV: a header `beoordelaar,<item id>,<item id>,...` and one row per judge with a probability
 * per item. The separator is `,` or `;` (as the header shows); with `;` a decimal comma is accepted, as Dutch
 * spreadsheets write it. Every problem is reported with its line number; nothing is guessed.
 */
export function parseAngoffCsv(text: string): AngoffCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const split = (line: string) => line.split(separator).map((cell) => cell.trim());
  const columns = split(header);
  const errors: string[] = [];
  if (columns[0]?.toLowerCase() !== 'beoordelaar')
    errors.push(`regel 1: de eerste kolom heet "beoordelaar", niet "${columns[0] ?? ''}"`);
  const items = columns.slice(1);
  if (items.length === 0) errors.push('regel 1: er staan geen items in de kop');
  items.forEach((item, i) => {
    if (item === '') errors.push(`regel 1: kolom ${i + 2} heeft geen item-id`);
  });
  const judges: AngoffStudy['judges'] = [];
  lines.slice(1).forEach((line, n) => {
    const at = n + 2;
    if (line.trim() === '') return;
    const cells = split(line);
    if (cells.length !== columns.length) {
      errors.push(`regel ${at}: ${cells.length} kolommen, verwacht ${columns.length}`);
      return;
    }
    const [judge = '', ...values] = cells;
    if (judge === '') errors.push(`regel ${at}: de beoordelaar heeft geen naam`);
    const probabilities = values.map((cell, i) => {
      const value = Number(separator === ';' ? cell.replace(',', '.') : cell);
      if (cell === '' || !Number.isFinite(value) || value < 0 || value > 1)
        errors.push(`regel ${at}, item ${items[i]}: "${cell}" is geen kans tussen 0 en 1`);
      return value;
    });
    judges.push({ judge, probabilities });
  });
  if (errors.length) return { ok: false, errors };
  const parsed = AngoffStudy.safeParse({ items, judges });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
  return { ok: true, study: parsed.data };
}
