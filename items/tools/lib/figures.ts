import { OBJECTS, type ObjectName } from './objects';
import { C, INK, PAPER, circle, dot, group, line, path, place, poly, rect } from './svg';

/** Pictures built from the objects and from abstract shapes: groups, scenes, cards, tiles and glyphs. */

/** `count` copies of an object side by side (1-3), at `scale` (small 0.5, normal 0.6, big 0.95). */
export function objectGroup(name: ObjectName, count: number, scale = count === 1 ? 0.8 : 0.5): string {
  const body = OBJECTS[name].draw();
  const xs = count === 1 ? [50] : count === 2 ? [27, 73] : [18, 50, 82];
  return xs.map((x) => place(body, x, 50, scale)).join('');
}

/** Object mirrored left-right and/or turned clockwise in steps of 90 degrees. */
export function objectTurned(name: ObjectName, mirror: boolean, quarterTurns: number, scale = 0.85): string {
  let body = OBJECTS[name].draw();
  if (mirror) body = group('translate(100 0) scale(-1 1)', body);
  if (quarterTurns % 4 !== 0) body = group(`rotate(${(quarterTurns % 4) * 90} 50 50)`, body);
  return place(body, 50, 50, scale);
}

/** Scene for zinnen-bouwen: `top` objects standing on `under`, or `left` objects next to `right`. */
export function scene(
  relation: 'on' | 'next',
  a: ObjectName,
  aCount: number,
  b: ObjectName,
  bCount: number,
): string {
  const da = OBJECTS[a].draw();
  const db = OBJECTS[b].draw();
  const row = (body: string, count: number, xs: number[], y: number, s: number): string =>
    xs
      .slice(0, count)
      .map((x) => place(body, x, y, s))
      .join('');
  if (relation === 'on') {
    const bx = bCount === 1 ? [50] : [30, 70];
    const ax = aCount === 1 ? [50] : [37, 63];
    return (
      line(4, 96, 96, 96) +
      row(db, bCount, bx, 72, 0.42) +
      row(da, aCount, ax, 30, aCount === 1 ? 0.36 : 0.26)
    );
  }
  const column = (count: number): number[] => (count === 1 ? [50] : count === 2 ? [30, 70] : [18, 50, 82]);
  const size = (count: number): number => (count === 1 ? 0.4 : count === 2 ? 0.32 : 0.26);
  return (
    column(aCount)
      .map((y) => place(da, 26, y, size(aCount)))
      .join('') +
    column(bCount)
      .map((y) => place(db, 74, y, size(bCount)))
      .join('')
  );
}

/** The function-word tiles of zinnen-bouwen: "two"/"three" (dots), "on" (a ball resting on a bar), "next to". */
export function relationTile(kind: 'two' | 'three' | 'on' | 'next'): string {
  if (kind === 'two') return dot(32, 50, 11) + dot(68, 50, 11);
  if (kind === 'three') return dot(22, 50, 10) + dot(50, 50, 10) + dot(78, 50, 10);
  if (kind === 'on') return rect(16, 64, 68, 12, C.grey) + circle(50, 44, 16, PAPER);
  return rect(60, 18, 12, 64, C.grey) + circle(34, 50, 16, PAPER);
}

/** A card with `n` dots (1-10) in a regular grid: the only way numbers appear in the package. */
export function dotCard(n: number): string {
  const layouts: Record<number, Array<[number, number]>> = {
    1: [[50, 50]],
    2: [
      [32, 32],
      [68, 68],
    ],
    3: [
      [30, 30],
      [50, 50],
      [70, 70],
    ],
    4: [
      [32, 32],
      [68, 32],
      [32, 68],
      [68, 68],
    ],
    5: [
      [30, 30],
      [70, 30],
      [50, 50],
      [30, 70],
      [70, 70],
    ],
    6: [
      [32, 26],
      [68, 26],
      [32, 50],
      [68, 50],
      [32, 74],
      [68, 74],
    ],
  };
  const grid = (rows: number[][]): Array<[number, number]> =>
    rows.flatMap((xs, r) =>
      xs.map((x) => [x, rows.length === 2 ? 36 + r * 28 : 26 + r * 24] as [number, number]),
    );
  const more: Record<number, Array<[number, number]>> = {
    7: grid([
      [26, 50, 74],
      [38, 62],
      [26, 50, 74],
    ]),
    8: grid([
      [22, 41, 59, 78],
      [22, 41, 59, 78],
    ]),
    9: grid([
      [26, 50, 74],
      [26, 50, 74],
      [26, 50, 74],
    ]),
    10: grid([
      [18, 34, 50, 66, 82],
      [18, 34, 50, 66, 82],
    ]),
  };
  const spots = layouts[n] ?? more[n];
  if (!spots) throw new Error(`no dot layout for ${n}`);
  return rect(6, 6, 88, 88, PAPER, { rx: 10 }) + spots.map(([x, y]) => dot(x, y, n > 7 ? 6.5 : 8)).join('');
}

export type ShapeName = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon';
const SHAPE_COLOUR: Record<ShapeName, string> = {
  circle: C.orange,
  square: C.sky,
  triangle: C.green,
  diamond: C.purple,
  hexagon: C.yellow,
};

/** A plain shape, small or big, empty (white) or solid; the fill is also told apart by an inner ring. */
export function shape(name: ShapeName, size: 'small' | 'big', fill: 'empty' | 'solid'): string {
  const r = size === 'big' ? 40 : 20;
  const colour = fill === 'solid' ? SHAPE_COLOUR[name] : PAPER;
  const extra = { 'stroke-width': 4 };
  const ngon = (n: number, start: number): Array<[number, number]> =>
    Array.from({ length: n }, (_, i) => {
      const a = ((start + (i * 360) / n) * Math.PI) / 180;
      return [50 + Math.cos(a) * r, 50 + Math.sin(a) * r];
    });
  const body =
    name === 'circle'
      ? circle(50, 50, r, colour, extra)
      : name === 'square'
        ? rect(50 - r * 0.82, 50 - r * 0.82, r * 1.64, r * 1.64, colour, extra)
        : name === 'triangle'
          ? poly(
              ngon(3, -90).map(([x, y]) => [x, y + r * 0.15] as [number, number]),
              colour,
              extra,
            )
          : name === 'diamond'
            ? poly(ngon(4, -90), colour, extra)
            : poly(ngon(6, 0), colour, extra);
  return body + (fill === 'solid' ? dot(50, 50, r * 0.18, INK) : '');
}

/**
 * An asymmetric "pointer" block (an L with a hole), so every quarter turn and the mirror image look different.
 */
export function pointer(quarterTurns: number, mirror = false, size: 'small' | 'big' = 'big'): string {
  let body =
    path('M30 14 L50 14 L50 66 L76 66 L76 86 L30 86 Z', C.blue, { 'stroke-width': 4 }) +
    circle(40, 28, 5, PAPER);
  if (mirror) body = group('translate(100 0) scale(-1 1)', body);
  body = group(`rotate(${(quarterTurns % 4) * 90} 50 50)`, body);
  return size === 'big' ? body : place(body, 50, 50, 0.55);
}

/** A round "sound button": a speaker with a shape badge, so several buttons are told apart without colour. */
export function soundButton(badge: ShapeName): string {
  return (
    rect(8, 8, 84, 84, PAPER, { rx: 18 }) +
    path('M22 40 L34 40 L48 28 L48 72 L34 60 L22 60 Z', INK) +
    path('M56 38 Q64 50 56 62', 'none') +
    group('translate(46 46) scale(0.46)', shape(badge, 'big', 'solid'))
  );
}

/**
 * Invented glyphs for klanken-tekens: each joins a frame stroke and a mark placed beside it, a combination chosen
 * not to look like a letter or digit of a script we know (Latin, Arabic, Cyrillic, Ge'ez, Greek, Hebrew,
 * Devanagari); frames that alone resembled a letter (L, J, Λ, =) were replaced by lens, spiral, square-wave and
 * drop forms. Glyph n uses frame n mod 9 and mark n div 9, so 36 glyphs are all different.
 */
const FRAMES: Array<[d: string, markX: number, markY: number]> = [
  ['M28 20 Q16 50 28 80', 60, 50], // bow
  ['M22 26 L50 18 L78 26', 50, 60], // roof
  ['M20 30 Q35 16 50 30 Q65 44 80 30', 50, 68], // wave
  ['M20 50 Q36 24 52 50 Q36 76 20 50 Z', 74, 50], // lens
  ['M56 56 Q56 48 48 48 Q38 48 38 58 Q38 70 52 70 Q68 70 68 54 Q68 36 48 36 Q30 36 26 50', 30, 24], // spiral
  ['M16 70 L16 48 L36 48 L36 70 L56 70 L56 48 L76 48', 30, 24], // square wave
  ['M50 80 Q20 60 34 38 Q50 20 62 42 Q70 60 50 80 Z', 78, 24], // drop
  ['M20 62 L35 48 L50 62 L65 48 L80 62', 50, 28], // zigzag
  ['M24 80 L24 44 Q50 12 76 44 L76 60', 50, 64], // arch
];
const MARKS: Array<(x: number, y: number) => string> = [
  (x, y) => circle(x, y, 9, 'none', { 'stroke-width': 6 }),
  (x, y) => dot(x - 9, y, 6) + dot(x + 9, y, 6),
  (x, y) =>
    poly(
      [
        [x, y - 10],
        [x + 10, y + 8],
        [x - 10, y + 8],
      ],
      INK,
      { 'stroke-width': 2 },
    ),
  (x, y) => line(x - 9, y - 9, x + 9, y + 9, 6) + dot(x + 10, y - 10, 5),
];
export const GLYPH_COUNT = FRAMES.length * MARKS.length;
export function glyph(n: number): string {
  const frame = FRAMES[n % FRAMES.length];
  const mark = MARKS[Math.floor(n / FRAMES.length)];
  if (!frame || !mark) throw new Error(`no glyph ${n}`);
  const [d, x, y] = frame;
  return (
    rect(4, 4, 92, 92, PAPER, { rx: 12, 'stroke-width': 2, stroke: C.grey }) +
    path(d, 'none', { 'stroke-width': 7 }) +
    mark(x, y)
  );
}
