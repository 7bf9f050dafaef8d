import type { Scene } from '../../../src/shared/items/index';
import { GLYPH_COUNT, glyph } from '../lib/figures';
import { arrangeTiles, type BuiltItem, claimWord, makeItem, tileIndices, visual } from '../lib/kit';
import { glyphTile, INTENDED, MODEL, RULES, type TekensHalf } from '../rules/klanken-tekens';
import type { Registry } from '../lib/registry';
import { syllables, wordAudio } from '../lib/words';

/**
 * Klanken en tekens: invented glyphs (no real script) each stand for one spoken syllable. The voorbeeld shows the
 * glyph-sound pairs (tap to hear) and spells a heard word with them; the opgave plays a new word made of the same
 * syllables and the candidate puts the glyphs in order. The tiles are silent: the pairing must be learned from
 * the voorbeeld. Harder = more glyphs, longer words, extra glyphs that are not in the word, syllables that sound
 * alike.
 */
interface Level {
  /** The syllables this item teaches, one glyph each. */
  teach: string[];
  voorbeeld: string;
  opgave: string;
  harder: string;
}

const LEVELS: Level[] = [
  {
    teach: ['li', 'pu', 'ka'],
    voorbeeld: 'lika',
    opgave: 'puka',
    harder: 'Eerste item: drie tekens, een woord van twee lettergrepen.',
  },
  {
    teach: ['se', 'na', 'to'],
    voorbeeld: 'sena',
    opgave: 'seto',
    harder:
      'Andere klanken, en het eerste teken van het voorbeeld staat in de opgave weer vooraan: kijken welk teken erbij komt.',
  },
  {
    teach: ['bu', 'fe', 'ri'],
    voorbeeld: 'feribu',
    opgave: 'burife',
    harder: 'Woorden van drie lettergrepen: drie plekken te vullen.',
  },
  {
    teach: ['mi', 'sa', 'ko', 'du'],
    voorbeeld: 'sakomi',
    opgave: 'dumisa',
    harder: 'Vier tekens om te leren voor drie plekken: meer paren onthouden en een afleider.',
  },
  {
    teach: ['ta', 'te', 'ti', 'to'],
    voorbeeld: 'tatoti',
    opgave: 'titeta',
    harder: 'Alle klanken beginnen met dezelfde medeklinker: alleen de klinker onderscheidt de tekens.',
  },
  {
    teach: ['pa', 'ba', 'po', 'bo', 'pe'],
    voorbeeld: 'bapopebo',
    opgave: 'bopepaba',
    harder: 'Vijf tekens, woorden van vier lettergrepen, klanken die in p/b en klinker op elkaar lijken.',
  },
  {
    teach: ['na', 'ma', 'ne', 'me', 'no', 'mo'],
    voorbeeld: 'menamone',
    opgave: 'nomemane',
    harder: 'Zes tekens met n/m-paren die bijna hetzelfde klinken; twee afleiders.',
  },
  {
    teach: ['si', 'su', 'fi', 'fu', 'li', 'lu'],
    voorbeeld: 'sifulusuli',
    opgave: 'lufisulifu',
    harder: 'Zes gelijkende klanken en een woord van vijf lettergrepen: de langste reeks.',
  },
];

export function buildKlankenTekens(reg: Registry): BuiltItem[] {
  let next = 0;
  return LEVELS.map((level, i) => {
    const id = `klanken-tekens-${i + 1}`;
    // Spread the glyphs so neighbours in one item differ in both frame and mark (7 is coprime with 36).
    const glyphOf = new Map(
      level.teach.map((syl) => [
        syl,
        reg.svg(`teken-${(7 * next++) % GLYPH_COUNT}`, glyph((7 * (next - 1)) % GLYPH_COUNT)),
      ]),
    );
    const pairs = level.teach.map((syl) =>
      visual(
        `klank-${syl}`,
        glyphOf.get(syl)!,
        `teken voor de klank "${syl}"`,
        wordAudio(reg, claimWord(syl, `klank ${syl}`)),
      ),
    );
    const scene = (
      word: string,
      seed: string,
      context: Scene['context'],
      copied: readonly number[],
    ): { scene: Scene; sequence: string[]; model: TekensHalf } => {
      const parts = syllables(claimWord(word, `woord van tekens (${id})`));
      const sequence = parts.map(glyphTile);
      const tiles = arrangeTiles(
        level.teach.map((syl) =>
          visual(glyphTile(syl), glyphOf.get(syl)!, `teken (zonder klank) voor "${syl}"`),
        ),
        sequence,
        seed,
        copied,
      );
      return {
        scene: {
          context,
          prompt: wordAudio(reg, word),
          interaction: { kind: 'order', tiles, slots: parts.length },
        },
        sequence,
        model: { taught: level.teach, word: parts },
      };
    };
    const vb = scene(level.voorbeeld, `${id}-vb`, pairs, []);
    const vbTiles = vb.scene.interaction.kind === 'order' ? vb.scene.interaction.tiles : [];
    // The opgave shows the same pairs again: the task is to hear a new word and spell it, not to remember.
    const op = scene(level.opgave, `${id}-op`, pairs, tileIndices(vbTiles, vb.sequence));
    const answer = { kind: 'order', sequence: vb.sequence } as const;
    const key = { kind: 'order', sequence: op.sequence } as const;
    return {
      item: makeItem({
        id,
        family: 'klanken-tekens',
        difficulty: i + 1,
        rule: `Elk teken is een klank (${level.teach.join(', ')}); zet de tekens van een gehoord woord op volgorde (${op.sequence.length} plekken).`,
        voorbeeld: vb.scene,
        answer,
        opgave: op.scene,
        key,
        model: { name: MODEL, rules: RULES, intended: INTENDED, voorbeeld: vb.model, opgave: op.model },
      }),
      harder: level.harder,
    };
  });
}
