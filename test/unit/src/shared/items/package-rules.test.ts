import { describe, expect, it } from 'vitest';
import { instructionProvenance } from '../../../../../src/shared/items/instruction-audio-rules';
import { InstructionKey } from '../../../../../src/shared/items/instructions';
import { jsonPath } from '../../../../../src/shared/items/problem';
import type { Item, PracticeItem } from '../../../../../src/shared/items/item';
import { checkPackageRules, type PackageFiles } from '../../../../../src/shared/items/package-rules';
import type { TestDefinition } from '../../../../../src/shared/items/test-definition';
import { miniDefinition, miniInstructions, miniItems, miniPractice } from '../../../items/mini-package';

const MANIFEST = new Set([
  'assets/ball.svg',
  'assets/fish.svg',
  'assets/tree.svg',
  'audio/bamo.wav',
  ...InstructionKey.options.map((key) => `instructions/nl/${key}.wav`),
]);

function files(
  change: (parts: { definition: TestDefinition; items: Item[]; practice: PracticeItem[] }) => void = () => {},
): PackageFiles {
  const parts = structuredClone({ definition: miniDefinition, items: miniItems, practice: miniPractice });
  change(parts);
  return {
    definition: { file: 'test-definition.json', value: parts.definition },
    items: parts.items.map((value) => ({ file: `bank/${value.family}/${value.id}.json`, value })),
    practice: parts.practice.map((value) => ({ file: `practice/${value.id}.json`, value })),
    instructions: [{ file: 'instructions/nl.json', value: miniInstructions }],
    manifestFiles: MANIFEST,
    manifestProvenance: instructionProvenance([miniInstructions]),
  };
}

const wl = (parts: { items: Item[] }) => parts.items[0]!;
const zb = (parts: { items: Item[] }) => parts.items[1]!;

describe('package rules', () => {
  it('find nothing wrong with the mini package', () => {
    expect(checkPackageRules(files())).toEqual([]);
  });

  it('every definition id exists exactly once, and every item is listed', () => {
    const problems = checkPackageRules(
      files((p) => {
        p.definition.items = ['wl-01', 'nope', 'wl-01'];
        p.definition.practice.push('p-tap');
        p.practice.push({ ...p.practice[0]!, id: 'p-tap' });
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'test-definition.json',
          path: '$.items[1]',
          message: expect.stringMatching(/no scored item .* with id "nope"/),
        },
        { file: 'test-definition.json', path: '$.items[2]', message: '"wl-01" is listed twice' },
        {
          file: 'bank/zinnen-bouwen/zb-01.json',
          path: '$.id',
          message: expect.stringMatching(/"zb-01" is not listed/),
        },
        { file: 'test-definition.json', path: '$.practice[3]', message: '"p-tap" is listed twice' },
        {
          file: 'practice/p-tap.json',
          path: '$.id',
          message: expect.stringMatching(/also used by practice\/p-tap.json/),
        },
      ]),
    );
  });

  it('an id used as both a scored and a practice item is refused', () => {
    const problems = checkPackageRules(files((p) => (p.practice[0]!.id = 'wl-01')));
    expect(problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/both a scored and a practice item/),
    );
  });

  it('families: listed, in the items order, consecutive, no empty family', () => {
    expect(checkPackageRules(files((p) => (p.definition.families = ['woorden-leren'])))).toContainEqual({
      file: 'test-definition.json',
      path: '$.items[1]',
      message: expect.stringMatching(/family "zinnen-bouwen", which \$\.families does not list/),
    });
    expect(
      checkPackageRules(files((p) => (p.definition.families = ['zinnen-bouwen', 'woorden-leren']))),
    ).toContainEqual(
      expect.objectContaining({
        path: '$.families',
        message: expect.stringMatching(/does not match the items' order/),
      }),
    );
    expect(checkPackageRules(files((p) => p.definition.families.push('regels-zien')))).toContainEqual(
      expect.objectContaining({
        path: '$.families[2]',
        message: 'family "regels-zien" has no items in $.items',
      }),
    );
    const interleaved = files((p) => {
      p.items.push({ ...structuredClone(p.items[0]!), id: 'wl-02' });
      p.definition.items = ['wl-01', 'zb-01', 'wl-02'];
    });
    expect(checkPackageRules(interleaved)).toContainEqual(
      expect.objectContaining({
        path: '$.items[2]',
        message: 'items of family "woorden-leren" must be consecutive',
      }),
    );
  });

  it('a key must be of its interaction kind, and a voorbeeld answer of its own', () => {
    const problems = checkPackageRules(
      files((p) => {
        wl(p).key = { kind: 'place', targetId: 'bal' };
        wl(p).voorbeeld.answer = { kind: 'order', sequence: ['bal', 'vis'] };
      }),
    );
    expect(problems).toEqual([
      {
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.voorbeeld.answer.kind',
        message: expect.stringMatching(/expected "choose"/),
      },
      {
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.key.kind',
        message: expect.stringMatching(/expected "choose".*found "place"/),
      },
    ]);
  });

  it('answers refer to options, targets and tiles of their own scene', () => {
    const problems = checkPackageRules(
      files((p) => {
        wl(p).key = { kind: 'choose', optionId: 'vis' }; // vis is in the voorbeeld, not the opgave
        p.practice[1]!.key = { kind: 'place', targetId: 'tok' };
      }),
    );
    expect(problems).toEqual([
      {
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.key.optionId',
        message: '"vis" is not one of the options (bal, boom)',
      },
      {
        file: 'practice/p-drag.json',
        path: '$.key.targetId',
        message: '"tok" is not one of the targets (x, y)',
      },
    ]);
  });

  it("a practice item's voorbeeld is checked like an item's: its answer fits its scene, its files are listed", () => {
    const voorbeeld = (optionId: string, image: string) => ({
      context: [],
      interaction: {
        kind: 'choose' as const,
        options: [
          { id: 'v1', image: 'assets/fish.svg', description: 'vis' },
          { id: 'v2', image, description: 'boom' },
        ],
      },
      answer: { kind: 'choose' as const, optionId },
    });
    expect(
      checkPackageRules(files((p) => (p.practice[0]!.voorbeeld = voorbeeld('v2', 'assets/tree.svg')))),
    ).toEqual([]);
    const problems = checkPackageRules(
      files((p) => (p.practice[0]!.voorbeeld = voorbeeld('a', 'assets/gone.svg'))),
    );
    expect(problems).toEqual([
      {
        file: 'practice/p-tap.json',
        path: '$.voorbeeld.interaction.options[1].image',
        message: '"assets/gone.svg" is not a file listed in manifest.json',
      },
      {
        file: 'practice/p-tap.json',
        path: '$.voorbeeld.answer.optionId',
        message: '"a" is not one of the options (v1, v2)',
      },
    ]);
  });

  it('order keys fill exactly `slots` with distinct tiles and no nulls', () => {
    const check = (sequence: (string | null)[]) =>
      checkPackageRules(files((p) => (zb(p).key = { kind: 'order', sequence })));
    expect(check(['t2'])).toEqual([
      expect.objectContaining({
        path: '$.key.sequence',
        message: expect.stringMatching(/expected 2 entries/),
      }),
    ]);
    expect(check(['t2', null])).toEqual([
      expect.objectContaining({ path: '$.key.sequence[1]', message: expect.stringMatching(/found null/) }),
    ]);
    expect(check(['t2', 't9'])).toEqual([
      expect.objectContaining({
        path: '$.key.sequence[1]',
        message: expect.stringMatching(/"t9" is not one of the tiles/),
      }),
    ]);
    expect(check(['t2', 't2'])).toEqual([
      expect.objectContaining({ path: '$.key.sequence[1]', message: expect.stringMatching(/used twice/) }),
    ]);
  });

  it('ids are unique within a scene', () => {
    const problems = checkPackageRules(files((p) => (zb(p).opgave.context[0]!.id = 't3')));
    expect(problems).toEqual([
      {
        file: 'bank/zinnen-bouwen/zb-01.json',
        path: '$.opgave.interaction.tiles[2].id',
        message: 'id "t3" is already used at $.opgave.context[0] in this scene',
      },
    ]);
  });

  it('every referenced picture and sound is listed in the manifest', () => {
    const problems = checkPackageRules(
      files((p) => {
        wl(p).opgave.prompt = 'audio/gone.wav';
        p.practice[0]!.opgave.context.push({ id: 'extra', image: 'assets/gone.svg', description: 'weg' });
      }),
    );
    expect(problems).toEqual([
      {
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.opgave.prompt',
        message: '"audio/gone.wav" is not a file listed in manifest.json',
      },
      {
        file: 'practice/p-tap.json',
        path: '$.opgave.context[0].image',
        message: '"assets/gone.svg" is not a file listed in manifest.json',
      },
    ]);
  });

  it('every definition language has instructions, whose audio is listed', () => {
    const base = files((p) => p.definition.languages.push('ti'));
    expect(checkPackageRules(base)).toEqual([
      {
        file: 'test-definition.json',
        path: '$.languages[1]',
        message: 'no instructions/ti.json for language "ti"',
      },
    ]);
    const noAudio = {
      ...files(),
      manifestFiles: new Set([...MANIFEST].filter((path) => !path.startsWith('instructions/'))),
    };
    expect(checkPackageRules(noAudio)).toEqual(
      InstructionKey.options.map((key) =>
        expect.objectContaining({ file: 'instructions/nl.json', path: jsonPath(['texts', key, 'audio']) }),
      ),
    );
  });

  it('a file must be named for what it holds', () => {
    const moved = files();
    moved.items = [{ ...moved.items[0]!, file: 'bank/regels-zien/wl-01.json' }, moved.items[1]!];
    expect(checkPackageRules(moved)).toEqual([
      expect.objectContaining({
        file: 'bank/regels-zien/wl-01.json',
        message: expect.stringMatching(/belongs in bank\/woorden-leren\/wl-01.json/),
      }),
    ]);
  });
});
