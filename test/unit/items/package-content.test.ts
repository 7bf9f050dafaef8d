import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InstructionKey,
  type Item,
  LOUDNESS_TARGET_LUFS,
  type Response,
  type Scene,
  UiKey,
} from '../../../src/shared/items/index';
import { probeAudio } from '../../../src/host/items/audio-probe';
import {
  FAMILIES,
  PACKAGE,
  listFiles,
  loadPackage,
  referencedFiles,
  sceneVisuals,
} from '../../support/items-content-package-files';
import { checkSvg } from './svg-check';

const pkg = loadPackage();
const refs = referencedFiles(pkg);

describe('reference package: structure', () => {
  it('has 40 items, 8 per family, difficulty 1..8 in each, in definition order grouped by family', () => {
    expect(pkg.items).toHaveLength(40);
    const byId = new Map(pkg.items.map(({ item }) => [item.id, item]));
    expect(pkg.definition.items).toHaveLength(40);
    expect(new Set(pkg.definition.items).size).toBe(40);
    const ordered = pkg.definition.items.map((id) => byId.get(id));
    expect(ordered.every((x) => x !== undefined)).toBe(true);
    FAMILIES.forEach((family, f) => {
      const block = ordered.slice(f * 8, f * 8 + 8) as Item[];
      expect(block.map((i) => i.family)).toEqual(Array(8).fill(family));
      expect(block.map((i) => i.difficulty)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
    expect(pkg.definition.families).toEqual(FAMILIES);
  });

  it('stores each item under bank/<family>/<id>.json', () => {
    for (const { file, item } of pkg.items) expect(file).toBe(`bank/${item.family}/${item.id}.json`);
  });

  it('uses the agreed definition values', () => {
    const d = pkg.definition;
    expect([d.id, d.version, d.cesuur, d.allowBack]).toEqual(['lbt-referentie', '2.1.0', 28, false]);
    expect(d.twijfelzone).toEqual({ below: 2, above: 2 });
    expect(d.languages).toEqual(['nl', 'en', 'ar', 'fa', 'tr', 'uk', 'ti', 'so', 'ps']);
  });

  it('uses all three interaction kinds in the opgaven', () => {
    const kinds = new Set(pkg.items.map(({ item }) => item.opgave.interaction.kind));
    expect([...kinds].sort()).toEqual(['choose', 'order', 'place']);
  });

  it('has at least 3 practice items covering tap, drag and listen, all listed in the definition', () => {
    expect(pkg.practice.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pkg.practice.map(({ item }) => item.skill))).toEqual(new Set(['tap', 'drag', 'listen']));
    expect(pkg.definition.practice).toEqual(
      pkg.practice
        .map(({ item }) => item.id)
        .sort((a, b) => pkg.definition.practice.indexOf(a) - pkg.definition.practice.indexOf(b)),
    );
    expect(new Set(pkg.definition.practice)).toEqual(new Set(pkg.practice.map(({ item }) => item.id)));
  });
});

/** Problems with a response against its scene: wrong kind, unknown ids, incomplete or repeated tiles. */
function responseProblems(scene: Scene, r: Response): string[] {
  const i = scene.interaction;
  if (i.kind !== r.kind) return [`response is ${r.kind}, interaction is ${i.kind}`];
  if (r.kind === 'choose' && i.kind === 'choose')
    return i.options.some((o) => o.id === r.optionId) ? [] : [`no option ${r.optionId}`];
  if (r.kind === 'place' && i.kind === 'place')
    return i.targets.some((t) => t.id === r.targetId) ? [] : [`no target ${r.targetId}`];
  if (r.kind === 'order' && i.kind === 'order') {
    const ids = new Set(i.tiles.map((t) => t.id));
    const out: string[] = [];
    if (r.sequence.length !== i.slots) out.push(`sequence has ${r.sequence.length} ids for ${i.slots} slots`);
    if (r.sequence.some((id) => id === null || !ids.has(id)))
      out.push('sequence holds an empty slot or unknown tile');
    if (new Set(r.sequence).size !== r.sequence.length) out.push('a tile is used twice');
    return out;
  }
  return ['unreachable'];
}

describe('reference package: every item is a voorbeeld and an opgave with a consistent key', () => {
  for (const { item } of pkg.items) {
    it(`${item.id}`, () => {
      expect(responseProblems(item.voorbeeld, item.voorbeeld.answer)).toEqual([]);
      expect(responseProblems(item.opgave, item.key)).toEqual([]);
      expect(item.voorbeeld.interaction.kind).toBe(item.opgave.interaction.kind);
      for (const scene of [item.voorbeeld, item.opgave]) {
        const ids = sceneVisuals(scene).map((v) => v.id);
        expect(new Set(ids).size, 'ids unique within a scene').toBe(ids.length);
      }
      // New material: the opgave shows other pictures or plays another sound than the voorbeeld.
      const material = (s: Scene) => JSON.stringify([s.context, s.prompt ?? null, s.interaction]);
      expect(material(item.opgave)).not.toBe(material(item.voorbeeld));
      const sounds = (s: Scene) =>
        JSON.stringify([s.prompt ?? null, sceneVisuals(s).map((v) => [v.image, v.audio ?? null])]);
      expect(sounds(item.opgave), 'opgave differs in pictures or sound').not.toBe(sounds(item.voorbeeld));
      // Woorden leren: an option with sound would give the answer away.
      if (item.opgave.interaction.kind === 'choose')
        expect(item.opgave.interaction.options.every((o) => !o.audio)).toBe(true);
    });
  }
  for (const { item } of pkg.practice) {
    it(`practice ${item.id}`, () => {
      expect(responseProblems(item.opgave, item.key)).toEqual([]);
      if (item.voorbeeld) {
        expect(responseProblems(item.voorbeeld, item.voorbeeld.answer)).toEqual([]);
        expect(item.voorbeeld.interaction.kind).toBe(item.opgave.interaction.kind);
      }
    });
  }
});

/** Where an answer points: the option, target or tiles (by position in the scene), and the pictures it picks. */
function answerAt(scene: Scene, r: Response): { places: number[]; images: string[] } {
  const i = scene.interaction;
  if (i.kind === 'choose' && r.kind === 'choose') {
    const at = i.options.findIndex((o) => o.id === r.optionId);
    return { places: [at], images: [i.options[at]!.image] };
  }
  if (i.kind === 'place' && r.kind === 'place') {
    const at = i.targets.findIndex((t) => t.id === r.targetId);
    return { places: [at], images: [i.targets[at]!.image] };
  }
  if (i.kind === 'order' && r.kind === 'order') {
    const places = r.sequence.map((id) => i.tiles.findIndex((t) => t.id === id));
    return { places, images: places.map((at) => i.tiles[at]!.image) };
  }
  throw new Error(`${r.kind} does not fit ${i.kind}`);
}

/** The number of different answers: options or targets, or ordered picks of `slots` tiles. */
function possibleAnswers(scene: Scene): number {
  const i = scene.interaction;
  if (i.kind === 'choose') return i.options.length;
  if (i.kind === 'place') return i.targets.length;
  let n = 1;
  for (let k = 0; k < i.slots; k++) n *= i.tiles.length - k;
  return n;
}

describe('reference package: practice teaches the paradigm without rewarding a shortcut', () => {
  const practice = pkg.practice.map(({ item }) => item);

  it('keeps one tap, one row drag, one token drag and one listen item', () => {
    const kinds = practice.map((p) => `${p.skill}:${p.opgave.interaction.kind}`).sort();
    expect(kinds).toEqual(['drag:order', 'drag:place', 'listen:choose', 'tap:choose']);
    expect(practice.find((p) => p.skill === 'listen')!.opgave.prompt).toBeTruthy();
  });

  it('offers at least 3 options or targets, and at least 6 orders, in every practice scene', () => {
    for (const p of practice)
      for (const scene of p.voorbeeld ? [p.voorbeeld, p.opgave] : [p.opgave])
        expect(possibleAnswers(scene), p.id).toBeGreaterThanOrEqual(
          scene.interaction.kind === 'order' ? 6 : 3,
        );
  });

  it('never keys a picture identical to one shown with it (its context, or the token it carries)', () => {
    for (const p of practice) {
      const shown = new Set(p.opgave.context.map((v) => v.image));
      if (p.opgave.interaction.kind === 'place') shown.add(p.opgave.interaction.token.image);
      const keyed = answerAt(p.opgave, p.key).images;
      expect(
        keyed.filter((image) => shown.has(image)),
        p.id,
      ).toEqual([]);
    }
  });

  it('has at least two voorbeeld-opgave pairs in which copying the hand is wrong', () => {
    const pairs = practice.filter((p) => p.voorbeeld);
    for (const p of pairs) {
      const hand = answerAt(p.voorbeeld!, p.voorbeeld!.answer);
      const key = answerAt(p.opgave, p.key);
      // The same place(s) on the opgave is not its key, and the key shows none of the pictures the hand moved.
      expect(key.places, `${p.id}: the key is where the hand went`).not.toEqual(hand.places);
      expect(
        key.images.filter((image) => hand.images.includes(image)),
        `${p.id}: the key repeats the hand's picture`,
      ).toEqual([]);
    }
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });
});

describe('reference package: instructions', () => {
  it('has one file per language, each with every instruction and UI key', () => {
    expect(pkg.instructions.map(({ value }) => value.language).sort()).toEqual(
      [...pkg.definition.languages].sort(),
    );
    for (const { file, value } of pkg.instructions) {
      expect(file).toBe(`instructions/${value.language}.json`);
      expect(Object.keys(value.texts).sort(), file).toEqual([...InstructionKey.options].sort());
      expect(Object.keys(value.ui).sort(), file).toEqual([...UiKey.options].sort());
    }
  });

  it('writes Arabic, Farsi and Pashto right to left, and marks Tigrinya, Somali and Pashto as having no voice and no audio', () => {
    const by = new Map(pkg.instructions.map(({ value }) => [value.language, value]));
    expect(by.get('ar')?.direction).toBe('rtl');
    expect(by.get('fa')?.direction).toBe('rtl');
    expect(by.get('ps')?.direction).toBe('rtl');
    expect(by.get('so')?.direction).toBe('ltr');
    for (const lang of ['ti', 'so', 'ps'] as const) {
      const silent = by.get(lang)!;
      expect(silent.voice.available, lang).toBe(false);
      expect(Object.values(silent.texts).every((t) => t.audio === null && t.provenance === null)).toBe(true);
    }
    for (const lang of ['nl', 'en', 'ar', 'fa', 'tr', 'uk'] as const) {
      for (const text of Object.values(by.get(lang)!.texts)) {
        expect(text.audio?.startsWith(`instructions/${lang}/`)).toBe(true);
        expect(text.provenance).toEqual({ kind: 'synthetic', engine: 'espeak-ng', voice: lang });
      }
    }
  });

  it("tells at home what happens on the day and that nothing leaves the phone, in each language's own words", () => {
    const nl = pkg.instructions.find(({ value }) => value.language === 'nl')!.value;
    // Sentence ends in Latin, Arabic and Ethiopic script: a translation says the same things in as many sentences.
    const sentences = (text: string) => text.split(/[.?!؟።]/).filter((part) => part.trim() !== '').length;
    for (const key of ['home.day', 'home.private'] as const) {
      for (const { value } of pkg.instructions) {
        const text = value.texts[key].text;
        expect(sentences(text), `${value.language} ${key}`).toBe(sentences(nl.texts[key].text));
        if (value.language !== 'nl') expect(text, `${value.language} ${key}`).not.toBe(nl.texts[key].text);
      }
    }
    expect(nl.texts['home.day'].text).toContain('afnemer');
    expect(nl.texts['home.private'].text).toContain('niets verstuurd');
  });

  it('keeps the {n} placeholder wherever the Dutch master has it', () => {
    const nl = pkg.instructions.find(({ value }) => value.language === 'nl')!.value;
    for (const { value } of pkg.instructions)
      for (const key of UiKey.options)
        expect(value.ui[key].includes('{n}'), `${value.language} ${key}`).toBe(nl.ui[key].includes('{n}'));
  });
});

describe('reference package: files', () => {
  it('speaks at the one loudness target recorded speech is brought to (ffmpeg ebur128, within 1 LU)', () => {
    // An instruction in three voices and a sentence: synthetic speech must not be louder than a recording.
    const files = [
      'instructions/nl/welcome.ogg',
      'instructions/ar/opgave.ogg',
      'instructions/uk/pause.ogg',
      // Synthesised later than the rest (generate.ts --missing-audio), through the same normalisation.
      'instructions/fa/home.day.ogg',
      'audio/s-kofa-bafe.ogg',
    ];
    for (const file of files) {
      const r = spawnSync(
        'ffmpeg',
        [
          '-hide_banner',
          '-nostats',
          '-i',
          join(PACKAGE, file),
          '-af',
          'aresample=48000,ebur128',
          '-f',
          'null',
          '-',
        ],
        { encoding: 'utf8' },
      );
      const summary = r.stderr.slice(r.stderr.lastIndexOf('Summary:'));
      const lufs = Number(/I:\s*(-?[\d.]+) LUFS/.exec(summary)?.[1]);
      expect(Math.abs(lufs - LOUDNESS_TARGET_LUFS), `${file}: ${lufs} LUFS`).toBeLessThanOrEqual(1);
    }
  });

  it('every referenced sound exists and is a valid container with non-zero duration', () => {
    expect(refs.sounds.size).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const file of refs.sounds) {
      let probe;
      try {
        probe = probeAudio(readFileSync(join(PACKAGE, file)));
      } catch (e) {
        bad.push(`${file}: ${(e as Error).message}`);
        continue;
      }
      if (!probe.ok) bad.push(`${file}: ${probe.reason}`);
      else if (probe.durationMs < 150 || probe.durationMs > 30_000)
        bad.push(`${file}: implausible duration ${probe.durationMs} ms`);
    }
    expect(bad).toEqual([]);
  });

  it('every referenced picture exists and is a safe SVG with a viewBox and no text, script or link', () => {
    const bad: string[] = [];
    for (const file of refs.images) {
      const source = readFileSync(join(PACKAGE, file), 'utf8');
      for (const p of checkSvg(source)) bad.push(`${file}: ${p}`);
      if (Buffer.byteLength(source) > 8192) bad.push(`${file}: larger than 8 KB`);
    }
    expect(bad).toEqual([]);
  });

  it('has no picture or sound that nothing refers to', () => {
    expect(listFiles('assets').filter((f) => !refs.images.has(f))).toEqual([]);
    const sounds = [...listFiles('audio'), ...listFiles('instructions').filter((f) => !f.endsWith('.json'))];
    expect(sounds.filter((f) => !refs.sounds.has(f))).toEqual([]);
  });

  it('keeps the package content under 10 MB', () => {
    const total = ['bank', 'practice', 'assets', 'audio', 'instructions']
      .flatMap(listFiles)
      .reduce((sum, f) => sum + readFileSync(join(PACKAGE, f)).length, 0);
    expect(total).toBeLessThan(10 * 1024 * 1024);
  });
});
