import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPackageFiles } from './candidate/package-files';
import { journalEvents } from './candidate/journal';
import { expectAccessible, hostRawScore, instructionsFor, openCandidatePage } from './candidate/session';
import { recordPostedCalls, slowHost } from './candidate/host-delay';
import { Finger } from './candidate/touch';
import { walkSitting } from './candidate/walk';
import { boundedNote, FULL_E2E } from './full-run';

/**
 * Issue 4's walk: practice and all 40 items by taps and drags on a touch screen, at the prescribed and
 * two common window sizes, with a scripted mix of right and wrong answers, and "watch again" used with the
 * answer half given on the first opgave of each family. The keys come from items/
 * in this process; the host's raw score must equal the number of right answers given. The bounded run (npm test)
 * walks at the prescribed size and the 200% panel; 1366x768, whose candidate screens the same-stimulus and demo
 * walks also cover, joins them in the full run.
 */
const files = loadPackageFiles();
const ui = instructionsFor('nl').ui;
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

const viewports = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, shots: true },
  {
    name: '2496x1664 panel at 200%',
    viewport: { width: 1248, height: 832 },
    deviceScaleFactor: 2,
    shots: false,
  },
  {
    name: '1366x768',
    viewport: { width: 1366, height: 768 },
    deviceScaleFactor: 1,
    shots: false,
    full: true,
  },
].filter((setup) => FULL_E2E || !('full' in setup));
if (viewports.length < 3) boundedNote('candidate-sitting: the 40-item walk at 1920x1080 and 1248x832@2 only');

// "Watch again" mid-answer on the second opgave of each family (choose, order and place among them; the first
// ones carry the take-back and the slow host).
const watchAgainIds = files.items.flatMap((item, index) =>
  index >= 1 &&
  (index === 1 || files.items[index - 2]!.family !== item.family) &&
  files.items[index - 1]!.family === item.family
    ? [item.id]
    : [],
);

// Right, right, wrong, ... and every fifth item wrong as well: 21 right answers of 40.
const answerRight = (index: number) => index % 3 !== 2 && index % 5 !== 4;

for (const setup of viewports) {
  test.describe(`the candidate's sitting at ${setup.name}`, () => {
    test.use({ viewport: setup.viewport, deviceScaleFactor: setup.deviceScaleFactor, hasTouch: true });

    test('practice and 40 items by touch; the host scores exactly the right answers given', async ({
      page,
    }) => {
      test.setTimeout(420_000);
      const posted = recordPostedCalls(page);
      const host = await openCandidatePage(page, 'nl');
      try {
        const finger = await Finger.on(page);
        const seen = new Set<string>();
        if (setup.shots) mkdirSync(SHOTS, { recursive: true });
        const result = await walkSitting({
          page,
          finger,
          files,
          ui,
          answerRight,
          repeatPractice: setup.shots,
          doubleTapAt: 6,
          slowHostAt: 3,
          slowHost: slowHost(host),
          takeBackAt: files.items.findIndex((item) => item.opgave.interaction.kind === 'order'),
          watchAgainAt: watchAgainIds.map((id) => files.items.findIndex((item) => item.id === id)),
          onStep: async (screen, step) => {
            const id = step.split(':')[1] ?? '';
            const family = files.items.find((item) => item.id === id)?.family;
            // One screenshot and one axe run per kind of screen (per family for voorbeeld and opgave).
            const kind = family ? `${screen}-${family}` : screen;
            if (seen.has(kind)) return;
            seen.add(kind);
            await expectAccessible(page, kind);
            if (setup.shots) await page.screenshot({ path: `${SHOTS}/candidate-${kind}.png` });
          },
        });

        await expect(page.getByRole('heading', { name: ui['call-afnemer'] })).toBeVisible();
        // No score anywhere on the end screen: no digits at all.
        expect(await page.locator('main').innerText()).not.toMatch(/\d/);

        const { raw, state } = await hostRawScore(page, files);
        expect(result.right).toBe(files.items.filter((_, index) => answerRight(index)).length);
        expect(raw).toBe(result.right);
        expect(state.counts.committed).toBe(40);
        for (const record of state.items) expect(record.committed).toEqual(result.answers.get(record.itemId));
        // Every answer arrived as touch input.
        expect(new Set(state.items.flatMap((record) => record.inputTypes))).toEqual(new Set(['touch']));
        // The double tap on "volgende" committed item 7 once and did not skip item 8.
        expect(state.items[6]!.commits).toBe(1);
        expect(state.items[7]!.voorbeeldShownAt).not.toBeNull();
        expect(state.items.every((record) => record.commits === 1)).toBe(true);
        // Every "watch again" is one replay on the item's record, and only there.
        for (const record of state.items)
          expect(record.replays, record.itemId).toBe(watchAgainIds.includes(record.itemId) ? 1 : 0);
        // The answer tapped while the host was slow is the one that counted.
        expect(state.items[3]!.changes).toBe(2);
        // The taken-back tile was recorded as a change (placed, then removed) before the real answer.
        const orderIndex = files.items.findIndex((i) => i.opgave.interaction.kind === 'order');
        const takenBack = state.items[orderIndex]!;
        const slots = takenBack.committed?.kind === 'order' ? takenBack.committed.sequence.length : NaN;
        expect(takenBack.changes).toBe(2 + slots);
        expect(state.status).toBe('completed');
        // The spoken cue "look at the example first" on the first voorbeeld of practice (each round) and of each
        // family, and nowhere else.
        const cues = (await journalEvents(host.dataDir)).flatMap((event) =>
          event.type === 'audio.played' && event.source.kind === 'instruction' ? [event.source.key] : [],
        );
        const families = new Set(files.items.map((item) => item.family)).size;
        expect(cues.filter((key) => key === 'voorbeeld')).toHaveLength(families + (setup.shots ? 2 : 1));
        // Every contract call went over the call socket; the POST path is only the fallback.
        expect(posted).toEqual([]);
      } finally {
        await host.stop();
      }
    });
  });
}
