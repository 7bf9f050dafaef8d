import { expect, test, type Page } from '@playwright/test';
import type { Scene, Visual } from '../../src/shared/items';
import { packageUrl } from '../../src/shared/items/package-view';
import type { AudioSource, SessionEvent } from '../../src/shared/session';
import { journalEvents } from './candidate/journal';
import { loadPackageFiles } from './candidate/package-files';
import { expectAccessible, instructionsFor, openCandidatePage } from './candidate/session';
import { Finger } from './candidate/touch';
import { walkSitting } from './candidate/walk';

/**
 * Issue 15: every picture that shows a sound says it on a tap, on the voorbeeld, the opgave and in
 * practice, and the host journals that tap as `audio.played` for that very picture; the voorbeeld's hand
 * says what it touches. The package is regenerated independently of this test, so every id, sound and
 * count is read from items/ at run time. The test relies only on this: woordvormen-3, -5 and -8 are
 * `place` items whose targets all have a sound, and every family but regels-zien has a sounding picture.
 */
const files = loadPackageFiles();
const ui = instructionsFor('nl').ui;
const SOUND_BUTTON_ITEMS = ['woordvormen-3', 'woordvormen-5', 'woordvormen-8'];
/** The item whose hand demonstration must say the sound target it drops the token on. */
const DEMO_ITEM = 'woordvormen-3';
// Regels zien is visual rule induction: none of its items has a sound, so it has nothing to tap.
const SILENT_FAMILY = 'regels-zien';

type Screen = 'practice' | 'voorbeeld' | 'opgave';

/** One tap on one sounding picture, on the screen `step` (`screen:itemId`). */
interface Tap {
  screen: Screen;
  itemId: string;
  what: 'context' | 'target' | 'tile';
  index: number;
  visual: Visual & { audio: string };
}

const sounding = (visual: Visual): visual is Visual & { audio: string } => Boolean(visual.audio);

/** Every sounding context picture and sound target of a scene. */
function sceneTaps(screen: Screen, itemId: string, scene: Scene): Tap[] {
  const context = scene.context.flatMap((visual, index) =>
    sounding(visual) ? [{ screen, itemId, what: 'context' as const, index, visual }] : [],
  );
  const targets =
    scene.interaction.kind === 'place'
      ? scene.interaction.targets.flatMap((visual, index) =>
          sounding(visual) ? [{ screen, itemId, what: 'target' as const, index, visual }] : [],
        )
      : [];
  return [...context, ...targets];
}

/** What to tap where: each planned screen's taps, keyed by its step. */
function planTaps(): Map<string, Tap[]> {
  const plan = new Map<string, Tap[]>();
  const add = (tap: Tap) => {
    const step = `${tap.screen}:${tap.itemId}`;
    const taps = plan.get(step) ?? [];
    if (!taps.some((t) => t.what === tap.what && t.index === tap.index)) plan.set(step, [...taps, tap]);
  };
  for (const id of SOUND_BUTTON_ITEMS) {
    const item = files.items.find((i) => i.id === id);
    for (const [screen, scene] of [
      ['voorbeeld', item?.voorbeeld],
      ['opgave', item?.opgave],
    ] as const) {
      expect(scene?.interaction.kind, `${id} ${screen} is a place item`).toBe('place');
      if (scene?.interaction.kind !== 'place') continue;
      expect(scene.interaction.targets.every(sounding), `every target of ${id} ${screen} has a sound`).toBe(
        true,
      );
      sceneTaps(screen, id, scene).forEach(add);
    }
  }
  for (const family of files.definition.families.filter((f) => f !== SILENT_FAMILY)) {
    const items = files.items.filter((item) => item.family === family);
    const picture = items
      .flatMap((item) => [
        ...sceneTaps('opgave', item.id, item.opgave),
        ...sceneTaps('voorbeeld', item.id, item.voorbeeld),
      ])
      .find((tap) => tap.what === 'context');
    // Today's zinnen-bouwen pictures are silent (its word tiles speak): then a word tile stands in.
    const tile = items.flatMap((item) =>
      item.opgave.interaction.kind === 'order'
        ? item.opgave.interaction.tiles.flatMap((visual, index) =>
            sounding(visual)
              ? [{ screen: 'opgave' as const, itemId: item.id, what: 'tile' as const, index, visual }]
              : [],
          )
        : [],
    )[0];
    const tap = picture ?? tile;
    expect(tap, `${family} has a picture with a sound`).toBeDefined();
    if (!picture)
      test.info().annotations.push({ type: 'note', description: `${family}: tapped a word tile` });
    if (tap) add(tap);
  }
  const practice = files.practice
    .flatMap((item) => sceneTaps('practice', item.id, item.opgave))
    .find((tap) => tap.what === 'context');
  if (practice) add(practice);
  return plan;
}

/** Accessible names of the sounding controls (the instruction language's `ui` strings). */
function label(tap: Tap): string {
  return tap.what === 'context'
    ? `${ui.play} ${tap.index + 1}`
    : `${ui.target.replace('{n}', String(tap.index + 1))}: ${ui.play}`;
}

/** Records the file of every sound the page starts, in order (as paths under the page's origin). */
async function recordPlayedFiles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { lbtPlayed: string[] }).lbtPlayed = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(decodeURIComponent(new URL(this.src).pathname));
      return play.call(this);
    };
  });
}

const playedFiles = (page: Page) =>
  page.evaluate(() => (window as unknown as { lbtPlayed: string[] }).lbtPlayed.slice());

const soundsIn = (events: SessionEvent[]): AudioSource[] =>
  events.flatMap((event) => (event.type === 'audio.played' ? [event.source] : []));

test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

test('every sounding picture speaks on a tap, and the journal records that picture', async ({ page }) => {
  test.setTimeout(360_000);
  const plan = planTaps();
  const sittingSteps = [
    ...files.practice.map((p) => `practice:${p.id}`),
    ...files.items.flatMap((item) => [`voorbeeld:${item.id}`, `opgave:${item.id}`]),
  ];
  // Walk on until every planned screen has been seen and the sound-button opgaven have been committed.
  const needed = [...plan.keys(), ...SOUND_BUTTON_ITEMS.map((id) => `opgave:${id}`)];
  const until = sittingSteps[Math.max(...needed.map((step) => sittingSteps.indexOf(step))) + 1];

  await recordPlayedFiles(page);
  const host = await openCandidatePage(page, 'nl');
  try {
    const finger = await Finger.on(page);
    const events = () => journalEvents(host.dataDir);
    const scopeOf = (screen: Screen) =>
      screen === 'voorbeeld'
        ? page.locator('.demo-stage')
        : page.getByRole('region', { name: ui['your-turn'] });

    const tapAndHear = async (tap: Tap) => {
      const scope = scopeOf(tap.screen);
      const control =
        tap.what === 'tile'
          ? scope.locator(`.tray [data-visual-id="${tap.visual.id}"]`)
          : scope.getByRole('button', { name: label(tap), exact: true });
      const before = (await events()).length;
      const playedBefore = (await playedFiles(page)).length;
      await finger.tap(control);
      const source: AudioSource = { kind: 'visual', itemId: tap.itemId, visualId: tap.visual.id };
      const what = `${tap.what} ${tap.index + 1} (${tap.visual.id}) on ${tap.screen}:${tap.itemId}`;
      await expect.poll(async () => soundsIn((await events()).slice(before)), what).toEqual([source]);
      await expect
        .poll(async () => (await playedFiles(page)).slice(playedBefore), what)
        .toEqual([packageUrl(tap.visual.audio)]);
      if (tap.what === 'target') {
        // Listening is not answering: the token stays where it was.
        const answered = (await events()).slice(before).filter((e) => e.type === 'answer.changed');
        expect(answered, what).toEqual([]);
        await expect(scope.locator('.target.has-token'), what).toHaveCount(0);
      }
      if (tap.what === 'tile') {
        // The tap also put the tile in the first slot (as it always has): take it back before the walk answers.
        await finger.tap(scope.locator(`.slot [data-visual-id="${tap.visual.id}"]`));
        await finger.centresIn(scope, [`.tray [data-visual-id="${tap.visual.id}"]`]);
        await expect.poll(async () => soundsIn((await events()).slice(before)).length).toBe(2);
      }
    };

    let demoFrom = { events: -1, played: -1 };
    const seen = new Set<string>();
    await walkSitting({
      page,
      finger,
      files,
      ui,
      answerRight: () => true,
      until,
      onStep: async (_screen, step) => {
        if (seen.has(step)) return;
        seen.add(step);
        if (step === `opgave:${DEMO_ITEM}`) await expectHandSaidTarget(demoFrom);
        const taps = plan.get(step);
        if (taps) {
          // A voorbeeld listens once the host has recorded it as shown: PLAY is enabled from then on.
          if (step.startsWith('voorbeeld:'))
            await expect(page.getByRole('button', { name: ui.play, exact: true })).toBeEnabled();
          await expectAccessible(page, step);
          for (const tap of taps) await tapAndHear(tap);
        }
        if (step === `voorbeeld:${DEMO_ITEM}`)
          demoFrom = { events: (await events()).length, played: (await playedFiles(page)).length };
      },
    });

    /** From PLAY to the end of the demonstration, the last sound is the target the hand put the token on. */
    async function expectHandSaidTarget(from: { events: number; played: number }) {
      const item = files.items.find((i) => i.id === DEMO_ITEM)!;
      const answer = item.voorbeeld.answer;
      const spec = item.voorbeeld.interaction;
      if (answer.kind !== 'place' || spec.kind !== 'place')
        throw new Error(`${DEMO_ITEM} is not a place item`);
      const target = spec.targets.find((t) => t.id === answer.targetId)!;
      expect(from.events, `voorbeeld:${DEMO_ITEM} was seen`).toBeGreaterThan(0);
      const shown = (await events()).slice(from.events);
      const end = shown.findIndex((e) => e.type === 'voorbeeld.demonstrated' && e.itemId === DEMO_ITEM);
      expect(end, 'the demonstration ended').toBeGreaterThanOrEqual(0);
      expect(soundsIn(shown.slice(0, end)).at(-1)).toEqual({
        kind: 'visual',
        itemId: DEMO_ITEM,
        visualId: target.id,
      });
      expect((await playedFiles(page)).slice(from.played)).toContain(packageUrl(target.audio!));
    }

    expect(
      [...plan.keys()].filter((step) => !seen.has(step)),
      'planned screens never reached',
    ).toEqual([]);
    // Each sound-button opgave was still answered, by dragging the token onto the right sound target.
    const all = await events();
    for (const id of SOUND_BUTTON_ITEMS) {
      const item = files.items.find((i) => i.id === id)!;
      const committed = all.find((e) => e.type === 'answer.committed' && e.itemId === id);
      expect(committed, `${id} committed`).toMatchObject({ response: item.key, inputType: 'touch' });
    }
  } finally {
    await host.stop();
  }
});
