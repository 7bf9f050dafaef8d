import { C, INK, PAPER, circle, ellipse, line, path, poly, rect } from './svg';

/**
 * Everyday objects known worldwide, each a flat drawing in a 100 x 100 box. No animals or foods with religious
 * meaning, no hands, no flags, no letters or digits. The crescent moon is left out on purpose: next to a star it
 * reads as a religious or national emblem.
 */
export interface ObjectDef {
  /** Dutch name and plural, for descriptions only. */
  nl: string;
  nlPlural: string;
  draw: () => string;
}

export const OBJECTS = {
  ball: {
    nl: 'bal',
    nlPlural: 'ballen',
    draw: () =>
      circle(50, 50, 36, C.orange) +
      path('M14 50 Q50 30 86 50', 'none') +
      path('M14 50 Q50 70 86 50', 'none') +
      path('M50 14 Q34 50 50 86', 'none'),
  },
  fish: {
    nl: 'vis',
    nlPlural: 'vissen',
    draw: () =>
      ellipse(44, 50, 32, 20, C.sky) +
      poly(
        [
          [74, 50],
          [94, 32],
          [94, 68],
        ],
        C.sky,
      ) +
      circle(28, 46, 4, INK),
  },
  tree: {
    nl: 'boom',
    nlPlural: 'bomen',
    draw: () => rect(43, 58, 14, 34, C.orange) + circle(50, 38, 28, C.green),
  },
  house: {
    nl: 'huis',
    nlPlural: 'huizen',
    draw: () =>
      rect(20, 46, 60, 44, C.yellow) +
      poly(
        [
          [12, 48],
          [50, 12],
          [88, 48],
        ],
        C.vermillion,
      ) +
      rect(43, 64, 14, 26, C.blue),
  },
  sun: {
    nl: 'zon',
    nlPlural: 'zonnen',
    draw: () =>
      [0, 45, 90, 135, 180, 225, 270, 315]
        .map((deg) => {
          const a = (deg * Math.PI) / 180;
          return line(
            50 + Math.cos(a) * 30,
            50 + Math.sin(a) * 30,
            50 + Math.cos(a) * 44,
            50 + Math.sin(a) * 44,
            5,
          );
        })
        .join('') + circle(50, 50, 22, C.yellow),
  },
  cup: {
    nl: 'kopje',
    nlPlural: 'kopjes',
    draw: () =>
      path('M70 42 Q90 42 88 56 Q86 68 68 66', 'none', { 'stroke-width': 6 }) +
      path('M22 30 L74 30 L68 80 L28 80 Z', C.blue),
  },
  key: {
    nl: 'sleutel',
    nlPlural: 'sleutels',
    draw: () =>
      circle(26, 50, 16, C.yellow) +
      circle(26, 50, 6, PAPER) +
      path('M42 46 L88 46 L88 54 L80 54 L80 64 L72 64 L72 54 L42 54 Z', C.yellow),
  },
  chair: {
    nl: 'stoel',
    nlPlural: 'stoelen',
    draw: () =>
      rect(26, 14, 10, 76, C.orange) + rect(26, 52, 50, 10, C.orange) + rect(66, 52, 10, 38, C.orange),
  },
  shoe: {
    nl: 'schoen',
    nlPlural: 'schoenen',
    draw: () =>
      path('M14 40 L40 40 L46 56 Q80 56 88 70 L88 78 L14 78 Z', C.vermillion) + line(14, 70, 88, 70),
  },
  flower: {
    nl: 'bloem',
    nlPlural: 'bloemen',
    draw: () =>
      line(50, 56, 50, 92, 5) +
      [0, 72, 144, 216, 288]
        .map((deg) => {
          const a = ((deg - 90) * Math.PI) / 180;
          return circle(50 + Math.cos(a) * 18, 38 + Math.sin(a) * 18, 12, C.purple);
        })
        .join('') +
      circle(50, 38, 9, C.yellow),
  },
  star: {
    nl: 'ster',
    nlPlural: 'sterren',
    draw: () =>
      poly(
        Array.from({ length: 10 }, (_, i) => {
          const r = i % 2 === 0 ? 40 : 17;
          const a = ((i * 36 - 90) * Math.PI) / 180;
          return [50 + Math.cos(a) * r, 53 + Math.sin(a) * r] as const;
        }),
        C.yellow,
      ),
  },
  boat: {
    nl: 'boot',
    nlPlural: 'boten',
    draw: () =>
      line(50, 14, 50, 64) +
      poly(
        [
          [54, 16],
          [54, 58],
          [80, 58],
        ],
        PAPER,
      ) +
      path('M12 64 L88 64 L76 84 L24 84 Z', C.blue),
  },
  hat: {
    nl: 'hoed',
    nlPlural: 'hoeden',
    draw: () =>
      ellipse(50, 70, 40, 10, C.green) +
      path('M28 70 L30 34 Q50 26 70 34 L72 70 Z', C.green) +
      rect(29, 56, 42, 8, INK),
  },
  umbrella: {
    nl: 'paraplu',
    nlPlural: "paraplu's",
    draw: () =>
      path('M50 46 L50 80 Q50 88 42 88 Q36 88 36 82', 'none', { 'stroke-width': 5 }) +
      path('M12 48 Q50 0 88 48 Z', C.purple),
  },
  lamp: {
    nl: 'lamp',
    nlPlural: 'lampen',
    draw: () =>
      rect(30, 84, 40, 8, INK) + line(50, 84, 50, 50, 5) + path('M30 52 L38 16 L62 16 L70 52 Z', C.yellow),
  },
  leaf: {
    nl: 'blad',
    nlPlural: 'bladeren',
    draw: () => path('M16 84 Q14 24 84 16 Q86 78 16 84 Z', C.green) + path('M16 84 L70 30', 'none'),
  },
  cloud: {
    nl: 'wolk',
    nlPlural: 'wolken',
    draw: () =>
      path('M22 72 Q6 72 10 58 Q14 46 28 50 Q30 30 50 32 Q66 28 72 46 Q92 44 90 60 Q90 72 76 72 Z', C.sky),
  },
  bottle: {
    nl: 'fles',
    nlPlural: 'flessen',
    draw: () =>
      path('M42 10 L58 10 L58 30 Q72 38 72 52 L72 88 L28 88 L28 52 Q28 38 42 30 Z', C.green) +
      rect(40, 8, 20, 8, INK),
  },
  kite: {
    nl: 'vlieger',
    nlPlural: 'vliegers',
    draw: () =>
      path('M50 66 Q56 78 48 84 Q40 90 46 96', 'none') +
      poly(
        [
          [50, 6],
          [78, 34],
          [50, 66],
          [22, 34],
        ],
        C.vermillion,
      ) +
      line(50, 6, 50, 66) +
      line(22, 34, 78, 34),
  },
  glasses: {
    nl: 'bril',
    nlPlural: 'brillen',
    draw: () =>
      circle(30, 56, 16, PAPER) +
      circle(70, 56, 16, PAPER) +
      path('M46 54 Q50 48 54 54', 'none') +
      line(14, 52, 6, 38),
  },
  table: {
    nl: 'tafel',
    nlPlural: 'tafels',
    draw: () =>
      rect(10, 36, 80, 10, C.orange) + rect(16, 46, 9, 42, C.orange) + rect(75, 46, 9, 42, C.orange),
  },
  bucket: {
    nl: 'emmer',
    nlPlural: 'emmers',
    draw: () =>
      path('M24 38 Q50 0 76 38', 'none') +
      path('M20 36 L80 36 L72 88 L28 88 Z', C.sky) +
      line(23, 50, 77, 50),
  },
  car: {
    nl: 'auto',
    nlPlural: "auto's",
    draw: () =>
      path('M8 66 L8 50 L26 48 L38 30 L70 30 L82 48 L92 52 L92 66 Z', C.vermillion) +
      poly(
        [
          [42, 36],
          [54, 36],
          [54, 48],
          [34, 48],
        ],
        PAPER,
      ) +
      circle(28, 68, 10, INK) +
      circle(72, 68, 10, INK),
  },
  ladder: {
    nl: 'ladder',
    nlPlural: 'ladders',
    draw: () =>
      line(30, 8, 30, 92, 5) +
      line(70, 8, 70, 92, 5) +
      [22, 40, 58, 76].map((y) => line(30, y, 70, y, 5)).join(''),
  },
  tent: {
    nl: 'tent',
    nlPlural: 'tenten',
    draw: () =>
      poly(
        [
          [50, 14],
          [90, 84],
          [10, 84],
        ],
        C.green,
      ) +
      poly(
        [
          [50, 44],
          [64, 84],
          [36, 84],
        ],
        INK,
      ),
  },
  bag: {
    nl: 'tas',
    nlPlural: 'tassen',
    draw: () =>
      path('M34 40 Q34 16 50 16 Q66 16 66 40', 'none', { 'stroke-width': 6 }) +
      rect(18, 38, 64, 50, C.purple, { rx: 8 }),
  },
} satisfies Record<string, ObjectDef>;

export type ObjectName = keyof typeof OBJECTS;
