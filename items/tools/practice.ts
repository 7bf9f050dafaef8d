import { PracticeItem, type Visual } from '../../src/shared/items/index';
import { objectGroup } from './lib/figures';
import { claimWord, objectVisual, visual } from './lib/kit';
import { OBJECTS, type ObjectName } from './lib/objects';
import type { Registry } from './lib/registry';
import { wordAudio } from './lib/words';

/**
 * The practice block: one tap, two drags (a row and a single token) and one listen. Not scored; the kiosk gives
 * feedback and the afnemer may help. The first three are voorbeeld-opgave pairs, like every scored item: the hand
 * shows a rule, then the candidate applies it to new material. In each pair copying the hand fails (the right
 * answer is another picture, at another place) and so does picking the picture identical to the one shown, which
 * the scored items punish too (docs/ITEMS.md, "no shortcut scores").
 */

const COUNT_NL = ['', 'een', 'twee', 'drie'] as const;

/** One object drawn small or big, for "small becomes big". */
function sized(reg: Registry, id: string, name: ObjectName, size: 'klein' | 'groot'): Visual {
  const image = reg.svg(`oefen-${name}-${size}`, objectGroup(name, 1, size === 'klein' ? 0.42 : 0.95));
  return visual(id, image, `${OBJECTS[name].nl}, ${size}`);
}

/** One to three copies of an object, the same size whatever the count (small enough that three do not touch), so only the number differs. */
function counted(reg: Registry, id: string, name: ObjectName, count: 1 | 2 | 3): Visual {
  const image = reg.svg(`oefen-${name}-${count}`, objectGroup(name, count, 0.34));
  const noun = count === 1 ? OBJECTS[name].nl : OBJECTS[name].nlPlural;
  return visual(id, image, `${COUNT_NL[count]} ${noun}`);
}

export function buildPractice(reg: Registry): PracticeItem[] {
  const o = (id: string, name: ObjectName, word?: string) => objectVisual(reg, id, name, word);
  const items: PracticeItem[] = [
    {
      schema: 'lbt.practice/1',
      id: 'oefen-tikken',
      skill: 'tap',
      rule: 'Klein wordt groot: tik hetzelfde ding in het groot aan (niet het plaatje dat er al staat).',
      // The hand taps the big ball (the second option); in the opgave the second option is that big ball again,
      // the identical small star is there too, and only the big star is right.
      voorbeeld: {
        context: [sized(reg, 'getoond-bal', 'ball', 'klein')],
        interaction: {
          kind: 'choose',
          options: [
            sized(reg, 'keuze-bal-klein', 'ball', 'klein'),
            sized(reg, 'keuze-bal-groot', 'ball', 'groot'),
            sized(reg, 'keuze-kopje-groot', 'cup', 'groot'),
          ],
        },
        answer: { kind: 'choose', optionId: 'keuze-bal-groot' },
      },
      opgave: {
        context: [sized(reg, 'getoond-ster', 'star', 'klein')],
        interaction: {
          kind: 'choose',
          options: [
            sized(reg, 'keuze-ster-groot', 'star', 'groot'),
            sized(reg, 'keuze-bal-groot', 'ball', 'groot'),
            sized(reg, 'keuze-ster-klein', 'star', 'klein'),
          ],
        },
      },
      key: { kind: 'choose', optionId: 'keuze-ster-groot' },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-slepen',
      skill: 'drag',
      rule: 'Van weinig naar veel: sleep een, twee en drie dingen op volgorde in de rij.',
      // The hand takes the tiles in tray order 3rd, 1st, 2nd; the same moves on the opgave's tray give 2, 1, 3.
      voorbeeld: {
        context: [],
        interaction: {
          kind: 'order',
          tiles: [
            counted(reg, 'blok-bal-2', 'ball', 2),
            counted(reg, 'blok-bal-3', 'ball', 3),
            counted(reg, 'blok-bal-1', 'ball', 1),
          ],
          slots: 3,
        },
        answer: { kind: 'order', sequence: ['blok-bal-1', 'blok-bal-2', 'blok-bal-3'] },
      },
      opgave: {
        context: [],
        interaction: {
          kind: 'order',
          tiles: [
            counted(reg, 'blok-blad-1', 'leaf', 1),
            counted(reg, 'blok-blad-3', 'leaf', 3),
            counted(reg, 'blok-blad-2', 'leaf', 2),
          ],
          slots: 3,
        },
      },
      key: { kind: 'order', sequence: ['blok-blad-1', 'blok-blad-2', 'blok-blad-3'] },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-plaatsen',
      skill: 'drag',
      rule: 'Evenveel: sleep het plaatje naar de groep met evenveel dingen (niet naar hetzelfde ding).',
      // The hand drops two cups on two suns (the second target), passing the one cup; in the opgave the second
      // target is the one key that looks like the token, and only the three trees are right.
      voorbeeld: {
        context: [],
        interaction: {
          kind: 'place',
          token: counted(reg, 'sleep-kopje-2', 'cup', 2),
          targets: [
            counted(reg, 'doel-zon-3', 'sun', 3),
            counted(reg, 'doel-zon-2', 'sun', 2),
            counted(reg, 'doel-kopje-1', 'cup', 1),
          ],
        },
        answer: { kind: 'place', targetId: 'doel-zon-2' },
      },
      opgave: {
        context: [],
        interaction: {
          kind: 'place',
          token: counted(reg, 'sleep-sleutel-3', 'key', 3),
          targets: [
            counted(reg, 'doel-boom-3', 'tree', 3),
            counted(reg, 'doel-sleutel-1', 'key', 1),
            counted(reg, 'doel-boom-2', 'tree', 2),
          ],
        },
      },
      key: { kind: 'place', targetId: 'doel-boom-3' },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-luisteren',
      skill: 'listen',
      rule: 'Luister naar de woorden bij de plaatjes; hoor een woord en tik de twee dingen aan die zo heten (3 keuzes).',
      // The options show two of each thing, so no option is the very picture the word was heard with: the word
      // names the thing, and the cups have no word at all.
      opgave: {
        context: [
          o('paar-boat', 'boat', claimWord('vupo', 'boot')),
          o('paar-star', 'star', claimWord('lemi', 'ster')),
        ],
        prompt: wordAudio(reg, 'lemi'),
        interaction: {
          kind: 'choose',
          options: [
            counted(reg, 'keuze-boten', 'boat', 2),
            counted(reg, 'keuze-kopjes', 'cup', 2),
            counted(reg, 'keuze-sterren', 'star', 2),
          ],
        },
      },
      key: { kind: 'choose', optionId: 'keuze-sterren' },
    },
  ];
  return items.map((p) => PracticeItem.parse(p));
}
