import type { Response } from '../../../src/shared/items/index';
import type { ShapeName } from '../lib/figures';
import type { ObjectName } from '../lib/objects';
import { onlyOne, type Rule } from './proof';

/**
 * Regels zien's rule space. A voorbeeld shows a change (A becomes A'), or a row in which each card becomes the
 * next, and the answer that applies it once more. A candidate can take from it one transformation of a figure,
 * made of: one of the 8 turns and mirror images of the plane; a size change (none, bigger, smaller, swap); a fill
 * change (none, filled, empty, swap); and a dot change (none, one or two more or fewer, double). For dragging items
 * the direction is part of the rule too: the token came from the target, or becomes it. That is
 * 8 x 4 x 4 x 6 x 2 = 1536 rules. Figures are compared as they look: a square turned a quarter is the same square,
 * a triangle mirrored is the same triangle; a turn that would show a figure the package cannot draw (a triangle
 * upside down) makes the rule say nothing about it.
 */
export type Fig =
  | { t: 'shape'; s: ShapeName; size: 'small' | 'big'; fill: 'empty' | 'solid' }
  | { t: 'obj'; o: ObjectName; mirror?: boolean; turns?: number; small?: boolean }
  | { t: 'pointer'; turns: number; mirror?: boolean }
  | { t: 'dots'; n: number };

export interface RegelHalf {
  mode: 'pair' | 'row' | 'back';
  context: readonly Fig[];
  /** The option (choose) or target (place) figures, with their ids, in the order shown. */
  options: ReadonlyArray<{ id: string; fig: Fig }>;
  kind: 'choose' | 'place';
  token?: Fig;
}

export const MODEL = 'regels-zien/1';

/** An element of the symmetry group of the square: `turns` clockwise quarter turns after an optional mirror. */
interface Pose {
  turns: number;
  mirror: boolean;
}
const mod4 = (n: number) => ((n % 4) + 4) % 4;
/** g after p: a mirror reverses the sense of the turns that come before it. */
const compose = (g: Pose, p: Pose): Pose => ({
  turns: mod4(g.turns + (g.mirror ? -p.turns : p.turns)),
  mirror: g.mirror !== p.mirror,
});
const POSES: Pose[] = [false, true].flatMap((mirror) => [0, 1, 2, 3].map((turns) => ({ turns, mirror })));
const isIdentity = (p: Pose) => p.turns === 0 && !p.mirror;

/** The poses that leave a drawn shape looking the same. */
function shapeSymmetry(s: ShapeName): (p: Pose) => boolean {
  if (s === 'circle' || s === 'square' || s === 'diamond') return () => true;
  if (s === 'hexagon') return (p) => p.turns % 2 === 0;
  return (p) => p.turns === 0; // the triangle points up: only its mirror image looks the same
}

type SizeOp = 'gelijk' | 'groter' | 'kleiner' | 'wisselt';
type FillOp = 'gelijk' | 'vol' | 'leeg' | 'wisselt';
type DotOp = 0 | 1 | 2 | -1 | -2 | 'x2';
interface Transform {
  pose: Pose;
  size: SizeOp;
  fill: FillOp;
  dots: DotOp;
}

function resize(small: boolean, op: SizeOp): boolean | null {
  if (op === 'gelijk') return small;
  if (op === 'wisselt') return !small;
  if (op === 'groter') return small ? false : null;
  return small ? null : true;
}

function apply(t: Transform, f: Fig): Fig | null {
  if (f.t === 'dots') {
    if (t.size !== 'gelijk' || t.fill !== 'gelijk') return null;
    const n = t.dots === 'x2' ? f.n * 2 : f.n + t.dots;
    return n >= 1 && n <= 9 ? { t: 'dots', n } : null;
  }
  if (t.dots !== 0) return null;
  if (f.t === 'shape') {
    if (!shapeSymmetry(f.s)(t.pose)) return null;
    const small = resize(f.size === 'small', t.size);
    const solid =
      t.fill === 'gelijk' ? f.fill === 'solid' : t.fill === 'wisselt' ? f.fill !== 'solid' : t.fill === 'vol';
    if (small === null) return null;
    return { t: 'shape', s: f.s, size: small ? 'small' : 'big', fill: solid ? 'solid' : 'empty' };
  }
  if (t.fill !== 'gelijk') return null;
  const pose = compose(t.pose, { turns: f.turns ?? 0, mirror: f.mirror ?? false });
  if (f.t === 'pointer') {
    if (t.size !== 'gelijk') return null;
    return { t: 'pointer', turns: pose.turns, mirror: pose.mirror };
  }
  const small = resize(f.small ?? false, t.size);
  if (small === null) return null;
  return { t: 'obj', o: f.o, turns: pose.turns, mirror: pose.mirror, small };
}

/** How a figure looks: equal strings for figures that look the same. */
export function looks(f: Fig): string {
  switch (f.t) {
    case 'dots':
      return `dots:${f.n}`;
    case 'shape':
      return `shape:${f.s}:${f.size}:${f.fill}`;
    case 'pointer':
      return `pointer:${mod4(f.turns)}:${f.mirror ?? false}`;
    case 'obj':
      return `obj:${f.o}:${mod4(f.turns ?? 0)}:${f.mirror ?? false}:${f.small ?? false}`;
  }
}
const same = (a: Fig | null, b: Fig) => a !== null && looks(a) === looks(b);

function fits(t: Transform, h: RegelHalf): boolean {
  const c = h.context;
  if (h.mode === 'row') return same(apply(t, c[0]!), c[1]!) && same(apply(t, c[1]!), c[2]!);
  return same(apply(t, c[0]!), c[1]!);
}

function answer(t: Transform, backward: boolean, h: RegelHalf): Response | null {
  const pick = (i: number | null): Response | null => {
    if (i === null) return null;
    const id = h.options[i]!.id;
    return h.kind === 'choose' ? { kind: 'choose', optionId: id } : { kind: 'place', targetId: id };
  };
  if (h.kind === 'place') {
    const token = h.token!;
    return backward
      ? pick(onlyOne(h.options, (o) => same(apply(t, o.fig), token)))
      : pick(onlyOne(h.options, (o) => same(apply(t, token), o.fig)));
  }
  if (backward) return null;
  const from = h.context[h.mode === 'row' ? 2 : h.context.length - 1]!;
  const result = apply(t, from);
  return result === null ? null : pick(onlyOne(h.options, (o) => same(result, o.fig)));
}

const SIZES: SizeOp[] = ['gelijk', 'groter', 'kleiner', 'wisselt'];
const FILLS: FillOp[] = ['gelijk', 'vol', 'leeg', 'wisselt'];
const DOTS: DotOp[] = [0, 1, 2, -1, -2, 'x2'];
const poseName = (p: Pose) =>
  isIdentity(p) ? 'niet draaien' : `${p.mirror ? 'spiegelen en ' : ''}${p.turns * 90} graden draaien`;
const dotName = (d: DotOp) =>
  d === 0 ? 'stippen gelijk' : d === 'x2' ? 'stippen verdubbeld' : `stippen ${d > 0 ? '+' : ''}${d}`;

export const RULES: Rule<RegelHalf>[] = POSES.flatMap((pose) =>
  SIZES.flatMap((size) =>
    FILLS.flatMap((fill) =>
      DOTS.flatMap((dots) =>
        [false, true].map((backward) => {
          const t: Transform = { pose, size, fill, dots };
          return {
            name: `${poseName(pose)}, grootte ${size}, vulling ${fill}, ${dotName(dots)}${backward ? ', terugrekenen' : ''}`,
            answer: (h: RegelHalf) => answer(t, backward, h),
            fits: (h: RegelHalf) => fits(t, h),
          };
        }),
      ),
    ),
  ),
);
