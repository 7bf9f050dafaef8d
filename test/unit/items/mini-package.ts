/**
 * Writes a small but complete item package (two families, three practice items, one language) into a
 * temporary folder and signs it with a key made for the test, so every loader test starts from a real,
 * valid package on disk and breaks exactly one thing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InstructionKey, UiKey, type Instructions } from '../../../src/shared/items/instructions';
import type { Item, PracticeItem } from '../../../src/shared/items/item';
import { TestDefinition } from '../../../src/shared/items/test-definition';
import type { PublisherKeyPairFile, TrustPolicy } from '../../../src/shared/items/trust';
import { newPublisherKeyPair } from '../../../src/host/items/keys';
import { signPackage } from '../../../src/host/items/sign';

export interface MiniPackage {
  dir: string;
  pair: PublisherKeyPairFile;
  /** A policy trusting this package's key (as a production key unless `development`). */
  trust(options?: { development?: boolean; allowDevelopmentKeys?: boolean }): TrustPolicy;
}

export function newKeyPair(name = 'test publisher', development = false): PublisherKeyPairFile {
  return { schema: 'lbt.publisher-key/1', warning: 'test key', name, development, ...newPublisherKeyPair() };
}

export function trustFor(
  pair: PublisherKeyPairFile,
  development = pair.development,
  allowDevelopmentKeys = true,
): TrustPolicy {
  return {
    publisherKeys: [{ keyId: pair.keyId, publicKey: pair.publicKey, name: pair.name, development }],
    allowDevelopmentKeys,
  };
}

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${label}</title><circle cx="5" cy="5" r="4"/></svg>\n`;
/** A 44-byte WAV header with no samples; the loader checks hashes, not sound. */
const wav = Buffer.concat([Buffer.from('RIFF$\0\0\0WAVEfmt '), Buffer.alloc(24)]);

const visual = (id: string, image: string, audio?: string) => ({
  id,
  image,
  ...(audio ? { audio } : {}),
  description: `plaatje ${id}`,
});

export const miniItems: Item[] = [
  {
    schema: 'lbt.item/1',
    id: 'wl-01',
    family: 'woorden-leren',
    difficulty: 1,
    rule: 'een nieuw woord hoort bij een plaatje',
    voorbeeld: {
      context: [visual('bal-bamo', 'assets/ball.svg', 'audio/bamo.wav')],
      prompt: 'audio/bamo.wav',
      interaction: {
        kind: 'choose',
        options: [visual('bal', 'assets/ball.svg'), visual('vis', 'assets/fish.svg')],
      },
      answer: { kind: 'choose', optionId: 'bal' },
    },
    opgave: {
      context: [],
      prompt: 'audio/bamo.wav',
      interaction: {
        kind: 'choose',
        options: [visual('bal', 'assets/ball.svg'), visual('boom', 'assets/tree.svg')],
      },
    },
    key: { kind: 'choose', optionId: 'bal' },
  },
  {
    schema: 'lbt.item/1',
    id: 'zb-01',
    family: 'zinnen-bouwen',
    difficulty: 1,
    rule: 'woorden staan in een vaste volgorde',
    voorbeeld: {
      context: [visual('scene', 'assets/tree.svg')],
      interaction: {
        kind: 'order',
        tiles: [visual('t1', 'assets/ball.svg'), visual('t2', 'assets/fish.svg')],
        slots: 2,
      },
      answer: { kind: 'order', sequence: ['t1', 't2'] },
    },
    opgave: {
      context: [visual('scene', 'assets/fish.svg')],
      interaction: {
        kind: 'order',
        tiles: [
          visual('t1', 'assets/ball.svg'),
          visual('t2', 'assets/fish.svg'),
          visual('t3', 'assets/tree.svg'),
        ],
        slots: 2,
      },
    },
    key: { kind: 'order', sequence: ['t2', 't1'] },
  },
];

export const miniPractice: PracticeItem[] = [
  {
    schema: 'lbt.practice/1',
    id: 'p-tap',
    skill: 'tap',
    rule: 'tik op het plaatje',
    opgave: {
      context: [],
      interaction: {
        kind: 'choose',
        options: [visual('a', 'assets/ball.svg'), visual('b', 'assets/tree.svg')],
      },
    },
    key: { kind: 'choose', optionId: 'a' },
  },
  {
    schema: 'lbt.practice/1',
    id: 'p-drag',
    skill: 'drag',
    rule: 'sleep het plaatje naar de plek',
    opgave: {
      context: [],
      interaction: {
        kind: 'place',
        token: visual('tok', 'assets/ball.svg'),
        targets: [visual('x', 'assets/tree.svg'), visual('y', 'assets/fish.svg')],
      },
    },
    key: { kind: 'place', targetId: 'y' },
  },
  {
    schema: 'lbt.practice/1',
    id: 'p-listen',
    skill: 'listen',
    rule: 'luister en kies',
    opgave: {
      context: [],
      prompt: 'audio/bamo.wav',
      interaction: {
        kind: 'choose',
        options: [visual('a', 'assets/ball.svg'), visual('b', 'assets/fish.svg')],
      },
    },
    key: { kind: 'choose', optionId: 'a' },
  },
];

/** Parsed, so fields the schema defaults are filled in exactly as the loader will see them. */
export const miniDefinition: TestDefinition = TestDefinition.parse({
  schema: 'lbt.test-definition/1',
  id: 'mini-test',
  version: '1.2.3',
  title: 'Mini',
  items: ['wl-01', 'zb-01'],
  practice: ['p-tap', 'p-drag', 'p-listen'],
  families: ['woorden-leren', 'zinnen-bouwen'],
  cesuur: 1,
  twijfelzone: { below: 0, above: 0 },
  timePolicy: { maxMinutes: null, fastAnswerMs: 1500 },
  languages: ['nl'],
  allowBack: false,
});

export const miniInstructions: Instructions = {
  schema: 'lbt.instructions/1',
  language: 'nl',
  name: 'Nederlands',
  nameNl: 'Nederlands',
  direction: 'ltr',
  voice: { available: true, engine: 'espeak-ng', voice: 'nl' },
  texts: Object.fromEntries(
    InstructionKey.options.map((key) => [
      key,
      {
        text: `tekst ${key}`,
        audio: `instructions/nl/${key}.wav`,
        provenance: { kind: 'synthetic', engine: 'espeak-ng', voice: 'nl' },
      },
    ]),
  ) as Instructions['texts'],
  ui: Object.fromEntries(UiKey.options.map((key) => [key, key])) as Instructions['ui'],
};

/** Writes one package file (creating folders); JSON values are written with two-space indentation. */
export function writePackageFile(dir: string, path: string, content: unknown): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  const bytes =
    typeof content === 'string' || Buffer.isBuffer(content)
      ? content
      : JSON.stringify(content, null, 2) + '\n';
  writeFileSync(join(dir, path), bytes);
}

/** What goes into a mini package: by default the two legacy items and three practice items above. */
export interface MiniContent {
  items: readonly Item[];
  practice: readonly PracticeItem[];
}

/**
 * Writes the mini package's content (unsigned). Other `content` gets a definition listing its items and
 * families in order, and an SVG for every picture its items name beyond ball, fish and tree.
 */
export function writeMiniContent(
  dir: string,
  content: MiniContent = { items: miniItems, practice: miniPractice },
): void {
  const images = new Set(['assets/ball.svg', 'assets/fish.svg', 'assets/tree.svg']);
  for (const image of JSON.stringify(content).match(/assets\/[a-z0-9-]+\.svg/g) ?? []) images.add(image);
  for (const image of images)
    writePackageFile(dir, image, svg(image.slice('assets/'.length, -'.svg'.length)));
  writePackageFile(dir, 'audio/bamo.wav', wav);
  for (const key of InstructionKey.options) writePackageFile(dir, `instructions/nl/${key}.wav`, wav);
  writePackageFile(dir, 'instructions/nl.json', miniInstructions);
  const families = [...new Set(content.items.map((item) => item.family))];
  writePackageFile(dir, 'test-definition.json', {
    ...miniDefinition,
    items: content.items.map((item) => item.id),
    practice: content.practice.map((item) => item.id),
    families,
  });
  for (const item of content.items) writePackageFile(dir, `bank/${item.family}/${item.id}.json`, item);
  for (const item of content.practice) writePackageFile(dir, `practice/${item.id}.json`, item);
}

/** A fresh, signed mini package in a temporary folder (valid unless `content` breaks a rule). */
export function makeMiniPackage(
  pair: PublisherKeyPairFile = newKeyPair(),
  content?: MiniContent,
): MiniPackage {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-items-'));
  writeMiniContent(dir, content);
  signPackage(dir, pair);
  return {
    dir,
    pair,
    trust: (options = {}) =>
      trustFor(pair, options.development ?? pair.development, options.allowDevelopmentKeys ?? true),
  };
}
