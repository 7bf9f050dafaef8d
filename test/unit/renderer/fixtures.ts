import type { Instructions, Item, PracticeItem, TestDefinition, Visual } from '../../../src/shared/items';
import { TestDefinition as TestDefinitionSchema } from '../../../src/shared/items';
import { InstructionKey, UiKey } from '../../../src/shared/items';
import type { CandidatePackage } from '../../../renderer/kiosk/candidate/model';

/** A small package built from the schemas, for renderer unit tests only (never shipped). */

const visual = (id: string): Visual => ({ id, image: `assets/${id}.svg`, description: `plaatje ${id}` });

const choose = (id: string): Item => ({
  schema: 'lbt.item/1',
  id,
  family: 'woorden-leren',
  difficulty: 1,
  rule: 'kies het plaatje bij het woord',
  voorbeeld: {
    context: [{ ...visual('bal'), audio: 'audio/ba.wav' }],
    prompt: 'audio/ba.wav',
    interaction: { kind: 'choose', options: [visual('bal'), visual('vis')] },
    answer: { kind: 'choose', optionId: 'bal' },
  },
  opgave: {
    context: [],
    prompt: 'audio/vi.wav',
    interaction: { kind: 'choose', options: [visual('bal'), visual('vis'), visual('boom')] },
  },
  key: { kind: 'choose', optionId: 'vis' },
});

const order = (id: string): Item => ({
  schema: 'lbt.item/1',
  id,
  family: 'zinnen-bouwen',
  difficulty: 1,
  rule: 'zet de tegels in volgorde',
  voorbeeld: {
    context: [visual('zon')],
    interaction: { kind: 'order', tiles: [visual('a'), visual('b'), visual('c')], slots: 2 },
    answer: { kind: 'order', sequence: ['a', 'b'] },
  },
  opgave: {
    context: [visual('huis')],
    interaction: { kind: 'order', tiles: [visual('a'), visual('b'), visual('c')], slots: 3 },
  },
  key: { kind: 'order', sequence: ['c', 'a', 'b'] },
});

const place = (id: string): Item => ({
  schema: 'lbt.item/1',
  id,
  family: 'regels-zien',
  difficulty: 1,
  rule: 'leg het teken op de juiste plek',
  voorbeeld: {
    context: [],
    interaction: { kind: 'place', token: visual('ster'), targets: [visual('p1'), visual('p2')] },
    answer: { kind: 'place', targetId: 'p2' },
  },
  opgave: {
    context: [],
    interaction: {
      kind: 'place',
      token: visual('ster'),
      targets: [visual('p1'), visual('p2'), visual('p3')],
    },
  },
  key: { kind: 'place', targetId: 'p3' },
});

export const items: Item[] = [choose('w-1'), choose('w-2'), order('z-1'), place('r-1')];

export const practice: PracticeItem[] = [
  {
    schema: 'lbt.practice/1',
    id: 'o-tap',
    skill: 'tap',
    rule: 'tik',
    opgave: choose('x').opgave,
    key: { kind: 'choose', optionId: 'bal' },
  },
  {
    schema: 'lbt.practice/1',
    id: 'o-drag',
    skill: 'drag',
    rule: 'sleep',
    opgave: place('x').opgave,
    key: { kind: 'place', targetId: 'p1' },
  },
  {
    schema: 'lbt.practice/1',
    id: 'o-listen',
    skill: 'listen',
    rule: 'luister',
    opgave: choose('x').opgave,
    key: { kind: 'choose', optionId: 'vis' },
  },
];

export const definition: TestDefinition = TestDefinitionSchema.parse({
  schema: 'lbt.test-definition/1',
  id: 'fixture',
  version: '1.0.0',
  title: 'Fixture',
  items: items.map((item) => item.id),
  practice: practice.map((item) => item.id),
  families: ['woorden-leren', 'zinnen-bouwen', 'regels-zien'],
  cesuur: 2,
  languages: ['nl', 'ar'],
});

export function instructions(language: 'nl' | 'ar'): Instructions {
  return {
    schema: 'lbt.instructions/1',
    language,
    name: language === 'nl' ? 'Nederlands' : 'العربية',
    nameNl: language === 'nl' ? 'Nederlands' : 'Arabisch',
    direction: language === 'ar' ? 'rtl' : 'ltr',
    voice: { available: true, engine: 'espeak-ng', voice: language },
    texts: Object.fromEntries(
      InstructionKey.options.map((key) => [
        key,
        {
          text: `${language}:${key}`,
          audio: `instructions/${language}-${key}.wav`,
          provenance: { kind: 'synthetic', engine: 'espeak-ng', voice: language },
        },
      ]),
    ) as Instructions['texts'],
    ui: Object.fromEntries(UiKey.options.map((key) => [key, `${language}:${key} {n}`])) as Instructions['ui'],
  };
}

export function candidatePackage(language: 'nl' | 'ar' = 'nl'): CandidatePackage {
  return { packageId: 'fixture', definition, items, practice, instructions: instructions(language) };
}
