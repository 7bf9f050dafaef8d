import { describe, expect, it } from 'vitest';
import {
  angoffCut,
  AngoffStudy,
  bookmarkCut,
  BookmarkStudy,
  orderedItemBooklet,
  parseAngoffCsv,
  trueScore,
} from '../../../../../src/shared/psychometrics';

describe('angoffCut', () => {
  it('gives the mean of three judges cuts with the SE across judges', () => {
    const result = angoffCut({
      items: ['i1', 'i2', 'i3'],
      judges: [
        { judge: 'A', probabilities: [0.5, 0.6, 0.7] },
        { judge: 'B', probabilities: [0.4, 0.5, 0.6] },
        { judge: 'C', probabilities: [0.6, 0.7, 0.8] },
      ],
    });
    expect(result.judgeCuts.map((j) => j.cut)).toEqual([
      expect.closeTo(1.8, 12),
      expect.closeTo(1.5, 12),
      expect.closeTo(2.1, 12),
    ]);
    expect(result.cut).toBeCloseTo(1.8, 12);
    expect(result.se).toBeCloseTo(0.3 / Math.sqrt(3), 12);
    expect(result.proposedCesuur).toBe(2);
  });

  it('refuses one judge, a probability above 1, a short row and a judge twice', () => {
    expect(
      AngoffStudy.safeParse({ items: ['i1'], judges: [{ judge: 'A', probabilities: [0.5] }] }).success,
    ).toBe(false);
    const bad = AngoffStudy.safeParse({
      items: ['i1', 'i2'],
      judges: [
        { judge: 'A', probabilities: [0.5, 1.2] },
        { judge: 'A', probabilities: [0.5] },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('een kans ligt tussen 0 en 1');
    expect(messages).toContain('beoordelaar A geeft 1 kansen voor 2 items');
    expect(messages).toContain('beoordelaar A staat er twee keer in');
  });
});

describe('parseAngoffCsv', () => {
  it('reads a Dutch spreadsheet export with ; and decimal commas', () => {
    const parsed = parseAngoffCsv('\uFEFFbeoordelaar;i1;i2\r\nA;0,5;0,75\r\nB;0,25;1\r\n');
    expect(parsed).toEqual({
      ok: true,
      study: {
        items: ['i1', 'i2'],
        judges: [
          { judge: 'A', probabilities: [0.5, 0.75] },
          { judge: 'B', probabilities: [0.25, 1] },
        ],
      },
    });
  });

  it('names every problem with its line', () => {
    const parsed = parseAngoffCsv('judge,i1,i2\nA,0.5\nB,0.5,hoog\n,0.1,0.2\n');
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'regel 1: de eerste kolom heet "beoordelaar", niet "judge"',
        'regel 2: 2 kolommen, verwacht 3',
        'regel 3, item i2: "hoog" is geen kans tussen 0 en 1',
        'regel 4: de beoordelaar heeft geen naam',
      ],
    });
  });

  it('passes on what the schema refuses, such as a single judge', () => {
    expect(parseAngoffCsv('beoordelaar,i1\nA,0.5\n')).toEqual({
      ok: false,
      errors: ['er zijn minstens 2 beoordelaars nodig voor een standaardfout'],
    });
  });
});

describe('bookmarkCut', () => {
  const b = [1, -1, 0];
  it('orders the booklet by RP67 location and takes the mean of the judges locations', () => {
    const shift = Math.log(0.67 / 0.33);
    const booklet = orderedItemBooklet(b);
    expect(booklet.map((page) => page.item)).toEqual([1, 2, 0]);
    booklet.forEach((page) => expect(page.location).toBeCloseTo(b[page.item]! + shift, 12));
    const result = bookmarkCut(
      {
        judges: [
          { judge: 'A', page: 1 },
          { judge: 'B', page: 2 },
          { judge: 'C', page: 3 },
        ],
      },
      b,
    );
    expect(result.theta).toBeCloseTo(shift, 12);
    // Locations -1, 0, 1 (plus the shift): SD 1, SE 1 / sqrt(3).
    expect(result.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(result.trueScore).toBeCloseTo(trueScore(shift, b), 12);
    expect(result.proposedCesuur).toBe(Math.ceil(trueScore(shift, b)));
  });

  it('refuses a page beyond the booklet and a single judge', () => {
    expect(() =>
      bookmarkCut(
        {
          judges: [
            { judge: 'A', page: 1 },
            { judge: 'B', page: 4 },
          ],
        },
        b,
      ),
    ).toThrow(/beoordelaar B: pagina 4 bestaat niet \(1 tot 3\)/);
    expect(BookmarkStudy.safeParse({ judges: [{ judge: 'A', page: 1 }] }).success).toBe(false);
  });
});
