import type { Scene, Visual } from '../../../src/shared/items/index';
import { objectGroup, soundButton, type ShapeName } from '../lib/figures';
import {
  arrange,
  type BuiltItem,
  claimDistractor,
  claimWord,
  makeItem,
  type PositionPlanner,
  visual,
} from '../lib/kit';
import { type FormOf, MODEL, rulesFor, type VormHalf } from '../rules/woordvormen';
import { OBJECTS } from '../lib/objects';
import { type Form, type Half, LEVELS, type Size } from './woordvormen-levels';
import type { Registry } from '../lib/registry';
import { wordAudio } from '../lib/words';

/**
 * Woordvormen: one thing and two things (or a big thing) have related words, formed by a rule (suffix, repetition,
 * prefix, vowel change, partial repetition, two affixes together). Apply the rule to a new word: hear the form and
 * tap its picture (choose), or drag the picture to the sound button that says its form (place).
 */
/**
 * Drawing scale per object. Where size is part of the rule, one object is as big as each of two: size must read
 * as the size of the thing, not as how much of the card it fills.
 */
const SCALE: Record<Size, Record<1 | 2 | 3, number>> = {
  normal: { 1: 0.8, 2: 0.5, 3: 0.3 },
  small: { 1: 0.26, 2: 0.26, 3: 0.22 },
  big: { 1: 0.48, 2: 0.48, 3: 0.31 },
};
const COUNT_NL = { 1: 'een', 2: 'twee', 3: 'drie' } as const;

function formVisual(
  reg: Registry,
  prefix: string,
  [name, count, size = 'normal']: Form,
  word?: string,
): Visual {
  const suffix = size === 'normal' ? '' : `-${size === 'big' ? 'groot' : 'klein'}`;
  const image = reg.svg(`groep-${name}-${count}${suffix}`, objectGroup(name, count, SCALE[size][count]));
  const id = `${prefix}-${name}-${count}${suffix}`;
  const nl = `${COUNT_NL[count]} ${size === 'normal' ? '' : size === 'big' ? 'grote ' : 'kleine '}${count === 1 ? OBJECTS[name].nl : OBJECTS[name].nlPlural}`;
  return word === undefined
    ? visual(id, image, nl)
    : visual(id, image, `${nl}: "${word}"`, wordAudio(reg, claimWord(word, nl)));
}

const BADGES: ShapeName[] = ['circle', 'square', 'triangle', 'diamond', 'hexagon'];

const formOf = ([kind, count, size = 'normal']: Form): FormOf => ({ kind, count, size });

function build(
  reg: Registry,
  half: Half,
  seed: string,
  position: number,
): { scene: Scene; answer: string; kind: 'choose' | 'place'; model: VormHalf } {
  const context = half.context.map(([form, word]) => formVisual(reg, 'vorm', form, word));
  const [askForm, askWord] = half.ask;
  formVisual(reg, 'vraag', askForm, askWord); // claims the asked word with its meaning
  const said = half.context.map(([form, word]) => ({ form: formOf(form), word }));
  const ask = { form: formOf(askForm), word: askWord };
  if (typeof half.options[0] === 'string') {
    const words = arrange(
      askWord,
      (half.options as string[]).filter((w) => w !== askWord),
      position,
      seed,
    );
    // The badge follows the place on screen, so a badge is never a clue of its own.
    const targets = words.map((w, i) => {
      const badge = BADGES[i]!;
      if (w !== askWord) claimDistractor(w);
      return visual(
        `klank-${w}`,
        reg.svg(`klankknop-${badge}`, soundButton(badge)),
        `klankknop: "${w}"`,
        wordAudio(reg, w),
      );
    });
    return {
      scene: { context, interaction: { kind: 'place', token: formVisual(reg, 'sleep', askForm), targets } },
      answer: `klank-${askWord}`,
      kind: 'place',
      model: {
        said,
        ask,
        options: { kind: 'place', words: words.map((word, i) => ({ id: targets[i]!.id, word })) },
      },
    };
  }
  const askKey = JSON.stringify(askForm);
  const forms = arrange(
    askForm,
    (half.options as Form[]).filter((f) => JSON.stringify(f) !== askKey),
    position,
    seed,
  );
  const options = forms.map((f) => formVisual(reg, 'keuze', f));
  return {
    scene: { context, prompt: wordAudio(reg, askWord), interaction: { kind: 'choose', options } },
    answer: formVisual(reg, 'keuze', askForm).id,
    kind: 'choose',
    model: {
      said,
      ask,
      options: { kind: 'choose', forms: forms.map((f, i) => ({ id: options[i]!.id, form: formOf(f) })) },
    },
  };
}

export function buildWoordvormen(reg: Registry, plan: PositionPlanner): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `woordvormen-${i + 1}`;
    const vbAt = plan.next(level.voorbeeld.options.length);
    const vb = build(reg, level.voorbeeld, `${id}-vb`, vbAt);
    const op = build(reg, level.opgave, `${id}-op`, plan.next(level.opgave.options.length, vbAt));
    const response = (kind: 'choose' | 'place', answer: string) =>
      kind === 'choose' ? ({ kind, optionId: answer } as const) : ({ kind, targetId: answer } as const);
    const answer = response(vb.kind, vb.answer);
    const key = response(op.kind, op.answer);
    const { rules, considered } = rulesFor(vb.model, op.model);
    return {
      item: makeItem({
        id,
        family: 'woordvormen',
        difficulty: i + 1,
        rule: level.rule,
        voorbeeld: vb.scene,
        answer,
        opgave: op.scene,
        key,
        model: {
          name: MODEL,
          rules: rules,
          considered,
          intended: level.intended,
          voorbeeld: vb.model,
          opgave: op.model,
        },
      }),
      harder: level.harder,
    };
  });
}
