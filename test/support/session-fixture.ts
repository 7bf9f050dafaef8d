import { Item, PracticeItem, TestDefinition, type Response } from '../../src/shared/items';
import type { SessionContext, SessionEventInput } from '../../src/shared/session';

/** A tiny package built from the real schemas: 4 scored items in 2 families, 3 practice items (o2 with a voorbeeld). */

const visual = (id: string) => ({ id, image: `assets/${id}.svg`, description: `plaatje ${id}` });

const choose = (ids: string[]) => ({ kind: 'choose' as const, options: ids.map(visual) });
const order = (ids: string[], slots: number) => ({ kind: 'order' as const, tiles: ids.map(visual), slots });
const place = (ids: string[]) => ({
  kind: 'place' as const,
  token: visual('token'),
  targets: ids.map(visual),
});

function item(
  id: string,
  family: 'woorden-leren' | 'zinnen-bouwen',
  difficulty: number,
  interaction: ReturnType<typeof choose | typeof order | typeof place>,
  key: Response,
  answer: Response,
) {
  return Item.parse({
    schema: 'lbt.item/1',
    id,
    family,
    difficulty,
    rule: `regel ${id}`,
    voorbeeld: { context: [visual('ctx')], prompt: 'audio/prompt.wav', interaction, answer },
    opgave: { context: [visual('ctx')], prompt: 'audio/prompt.wav', interaction },
    key,
  });
}

export const items = [
  item(
    'w1',
    'woorden-leren',
    1,
    choose(['a', 'b', 'c']),
    { kind: 'choose', optionId: 'b' },
    { kind: 'choose', optionId: 'a' },
  ),
  item(
    'w2',
    'woorden-leren',
    2,
    place(['p', 'q']),
    { kind: 'place', targetId: 'q' },
    { kind: 'place', targetId: 'p' },
  ),
  item(
    'z1',
    'zinnen-bouwen',
    1,
    order(['x', 'y', 'z'], 2),
    { kind: 'order', sequence: ['y', 'x'] },
    { kind: 'order', sequence: ['x', 'y'] },
  ),
  item(
    'z2',
    'zinnen-bouwen',
    2,
    order(['x', 'y', 'z'], 3),
    { kind: 'order', sequence: ['z', 'y', 'x'] },
    { kind: 'order', sequence: ['x', 'y', 'z'] },
  ),
];

export const practice = [
  PracticeItem.parse({
    schema: 'lbt.practice/1',
    id: 'o1',
    skill: 'tap',
    rule: 'tik',
    opgave: { context: [], interaction: choose(['a', 'b']) },
    key: { kind: 'choose', optionId: 'a' },
  }),
  PracticeItem.parse({
    schema: 'lbt.practice/1',
    id: 'o2',
    skill: 'drag',
    rule: 'sleep',
    // Watch, then do: the hand demonstrates first (practice events practice.voorbeeld-*).
    voorbeeld: {
      context: [visual('ctx')],
      interaction: place(['r', 's']),
      answer: { kind: 'place', targetId: 's' },
    },
    opgave: { context: [], interaction: place(['p', 'q']) },
    key: { kind: 'place', targetId: 'p' },
  }),
  PracticeItem.parse({
    schema: 'lbt.practice/1',
    id: 'o3',
    skill: 'listen',
    rule: 'luister',
    opgave: { context: [], prompt: 'audio/prompt.wav', interaction: choose(['a', 'b']) },
    key: { kind: 'choose', optionId: 'b' },
  }),
];

export function definition(overrides: Partial<TestDefinition> = {}): TestDefinition {
  return TestDefinition.parse({
    schema: 'lbt.test-definition/1',
    id: 'mini',
    version: '1.0.0',
    title: 'Mini',
    items: items.map((i) => i.id),
    practice: practice.map((p) => p.id),
    families: ['woorden-leren', 'zinnen-bouwen'],
    cesuur: 2,
    twijfelzone: { below: 1, above: 1 },
    languages: ['nl', 'en'],
    ...overrides,
  });
}

export const PACKAGE_HASH = 'a'.repeat(64);

export function context(overrides: Partial<TestDefinition> = {}): SessionContext {
  return {
    packageId: 'mini-pkg',
    packageHash: PACKAGE_HASH,
    definition: definition(overrides),
    items,
    practice,
  };
}

/** The key of each scored item, and a wrong complete answer for it. */
export const keys: Record<string, Response> = Object.fromEntries(items.map((i) => [i.id, i.key]));
export const wrong: Record<string, Response> = {
  w1: { kind: 'choose', optionId: 'a' },
  w2: { kind: 'place', targetId: 'p' },
  z1: { kind: 'order', sequence: ['x', 'y'] },
  z2: { kind: 'order', sequence: ['x', 'y', 'z'] },
};

/**
 * What the page sends to get through one practice item, answering it right: its voorbeeld first when it has
 * one (shown, then demonstrated), then the opgave and the answer.
 */
export function practiceInputs(item: PracticeItem): SessionEventInput[] {
  return [
    ...(item.voorbeeld
      ? ([
          { type: 'practice.voorbeeld-shown', itemId: item.id },
          { type: 'practice.voorbeeld-demonstrated', itemId: item.id },
        ] as const)
      : []),
    { type: 'practice.shown', itemId: item.id },
    { type: 'practice.answered', itemId: item.id, response: item.key, inputType: 'touch' },
  ];
}
