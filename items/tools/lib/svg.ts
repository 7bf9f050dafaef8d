/**
 * Tiny SVG building blocks. Every picture is drawn in a 100 x 100 box with a dark outline, so shape (not colour)
 * always carries the meaning; colours come from the Okabe–Ito palette, which stays distinguishable for the
 * common forms of colour blindness.
 */
export const INK = '#222222';
export const PAPER = '#ffffff';
export const C = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#BBBBBB',
} as const;

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

type Attrs = Record<string, string | number>;
function attrs(a: Attrs): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? fmt(v) : v}"`)
    .join('');
}

const stroke = (fill: string, extra: Attrs = {}): Attrs => ({
  fill,
  stroke: INK,
  'stroke-width': 3,
  'stroke-linejoin': 'round',
  'stroke-linecap': 'round',
  ...extra,
});

export const circle = (cx: number, cy: number, r: number, fill: string, extra: Attrs = {}): string =>
  `<circle${attrs({ cx, cy, r, ...stroke(fill, extra) })}/>`;
export const rect = (x: number, y: number, w: number, h: number, fill: string, extra: Attrs = {}): string =>
  `<rect${attrs({ x, y, width: w, height: h, ...stroke(fill, extra) })}/>`;
export const ellipse = (
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  fill: string,
  extra: Attrs = {},
): string => `<ellipse${attrs({ cx, cy, rx, ry, ...stroke(fill, extra) })}/>`;
export const poly = (
  points: ReadonlyArray<readonly [number, number]>,
  fill: string,
  extra: Attrs = {},
): string =>
  `<polygon${attrs({ points: points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' '), ...stroke(fill, extra) })}/>`;
export const path = (d: string, fill: string, extra: Attrs = {}): string =>
  `<path${attrs({ d, ...stroke(fill, extra) })}/>`;
export const line = (x1: number, y1: number, x2: number, y2: number, width = 3): string =>
  `<line${attrs({ x1, y1, x2, y2, ...stroke('none', { 'stroke-width': width }) })}/>`;
/** A filled dot without outline (dot cards, glyph marks). */
export const dot = (cx: number, cy: number, r: number, fill = INK): string =>
  `<circle${attrs({ cx, cy, r, fill })}/>`;

export const group = (transform: string, body: string): string => `<g transform="${transform}">${body}</g>`;
/** Draws `body` (a 100 x 100 drawing) scaled by `s` with its centre at (cx, cy). */
export const place = (body: string, cx: number, cy: number, s: number): string =>
  group(`translate(${fmt(cx - 50 * s)} ${fmt(cy - 50 * s)}) scale(${fmt(s)})`, body);

/** Wraps a drawing into a complete, self-contained SVG document. */
export function svgDocument(body: string, viewBox = '0 0 100 100'): string {
  const [, , w, h] = viewBox.split(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${w}" height="${h}">${body}</svg>\n`;
}
