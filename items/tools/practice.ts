import { PracticeItem } from '../../src/shared/items/index';
import { claimWord, objectVisual } from './lib/kit';
import type { Registry } from './lib/registry';
import { wordAudio } from './lib/words';

/**
 * The practice block: one tap, two drags (a row and a single token) and one listen. Not scored; the kiosk gives
 * feedback and the afnemer may help. Each uses everyday objects only, so the candidate practises the gesture,
 * not a rule.
 */
export function buildPractice(reg: Registry): PracticeItem[] {
  const o = (id: string, name: Parameters<typeof objectVisual>[2], word?: string) =>
    objectVisual(reg, id, name, word);
  const items: PracticeItem[] = [
    {
      schema: 'lbt.practice/1',
      id: 'oefen-tikken',
      skill: 'tap',
      rule: 'Tik het plaatje aan dat hetzelfde is als het bovenste plaatje.',
      opgave: {
        context: [o('voorbeeld-house', 'house')],
        interaction: {
          kind: 'choose',
          options: [o('keuze-tree', 'tree'), o('keuze-house', 'house'), o('keuze-sun', 'sun')],
        },
      },
      key: { kind: 'choose', optionId: 'keuze-house' },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-slepen',
      skill: 'drag',
      rule: 'Sleep de blokjes in dezelfde volgorde als de rij erboven.',
      opgave: {
        context: [o('rij-ball', 'ball'), o('rij-cup', 'cup')],
        interaction: { kind: 'order', tiles: [o('blok-cup', 'cup'), o('blok-ball', 'ball')], slots: 2 },
      },
      key: { kind: 'order', sequence: ['blok-ball', 'blok-cup'] },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-plaatsen',
      skill: 'drag',
      rule: 'Sleep het plaatje naar hetzelfde plaatje.',
      opgave: {
        context: [],
        interaction: {
          kind: 'place',
          token: o('sleep-leaf', 'leaf'),
          targets: [o('doel-cloud', 'cloud'), o('doel-hat', 'hat'), o('doel-leaf', 'leaf')],
        },
      },
      key: { kind: 'place', targetId: 'doel-leaf' },
    },
    {
      schema: 'lbt.practice/1',
      id: 'oefen-luisteren',
      skill: 'listen',
      rule: 'Luister naar de woorden bij de plaatjes; hoor een woord en tik het plaatje aan.',
      opgave: {
        context: [
          o('paar-boat', 'boat', claimWord('vupo', 'boot')),
          o('paar-star', 'star', claimWord('lemi', 'ster')),
        ],
        prompt: wordAudio(reg, 'lemi'),
        interaction: { kind: 'choose', options: [o('keuze-star', 'star'), o('keuze-boat', 'boat')] },
      },
      key: { kind: 'choose', optionId: 'keuze-star' },
    },
  ];
  return items.map((p) => PracticeItem.parse(p));
}
