import { expect, test } from '@playwright/test';
import { journalEvents } from './candidate/journal';
import { loadPackageFiles } from './candidate/package-files';
import { instructionsFor, openCandidatePage } from './candidate/session';
import { Finger } from './candidate/touch';
import { walkSitting } from './candidate/walk';
import { fillSetup, login, passDeviceCheck, typePin, walkCandidate } from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, startKiosk, startService } from './console/world';
import { startHostProcess, type HostProcess } from './host-process';

/**
 * Issue 16, item 9: the host process dies mid-sitting. The candidate's tap must not vanish without a sign: the
 * page shows a wordless hourglass while it keeps asking for the host, the tap is not taken (never re-sent, see
 * store.ts hostLost), and after a restart on the same data dir the journal holds the earlier answers and
 * nothing of the tap made while the host was down. The restarted host hands out a new launch token, so the
 * page is opened again with it, as the real kiosk browser would be (console-resume.spec.ts does the same).
 */
test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });

const files = loadPackageFiles();
const ui = instructionsFor('nl').ui;
let hosts: HostProcess[] = [];

test.afterEach(async () => {
  for (const host of hosts) await host.stop();
  hosts = [];
});

test('host killed at an opgave: a tap shows the hourglass, is not taken, and the restarted host decides the screen again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const host = await openCandidatePage(page, 'nl');
  hosts.push(host);
  const finger = await Finger.on(page);
  // The first tap-to-choose opgave after the first item, so at least one answer is already on record.
  const index = files.items.findIndex((item, i) => i > 0 && item.key.kind === 'choose');
  const item = files.items[index]!;
  await walkSitting({ page, finger, files, ui, answerRight: () => true, until: `opgave:${item.id}` });
  const opgave = page.locator(`main[data-step="opgave:${item.id}"]`);
  await expect(opgave).toBeVisible();
  const committedBefore = (await journalEvents(host.dataDir)).filter((e) => e.type === 'answer.committed');
  expect(committedBefore.map((e) => e.type === 'answer.committed' && e.itemId)).toEqual(
    files.items.slice(0, index).map((i) => i.id),
  );

  if (item.key.kind !== 'choose') throw new Error('not a choose item');
  // Where the answer is, measured while the host is up: after the kill, any call of the page (a sound, the idle
  // timer) may find the host gone before the finger does, and the opgave then gives way to the hourglass. The
  // tap lands on that spot either way, and is not taken either way.
  const spot = await finger.centreOf(opgave.locator(`[data-option-id="${item.key.optionId}"]`));
  await host.stop('SIGKILL');
  await page.touchscreen.tap(spot.x, spot.y);

  // The waiting state: one pictogram over the whole screen, no words, no scrollbar.
  const waiting = page.locator('main[data-screen="host-down"]');
  await expect(waiting).toBeVisible();
  await expect(waiting.locator('svg')).toHaveCount(1);
  expect((await waiting.innerText()).trim()).toBe('');
  await expect(opgave).toHaveCount(0);
  const overflow = await page.evaluate(() =>
    [document.documentElement, document.body].some(
      (e) => e.scrollHeight > e.clientHeight || e.scrollWidth > e.clientWidth,
    ),
  );
  expect(overflow).toBe(false);
  // What the console shows the afnemer for the same silence (e.g. on the overlay's PIN pad), in Dutch.
  const silent = await page.evaluate(() => window.lbt.session.state());
  expect(silent.ok).toBe(false);
  if (!silent.ok) expect(silent.error.message).toMatch(/^De kiosk-host reageert niet\./);
  const restarted = await startHostProcess({ dataDir: host.dataDir });
  hosts.push(restarted);
  const url = new URL(restarted.launchUrl);
  url.search = '?view=candidate&lang=nl&pace=fast';
  await page.goto(url.toString());
  // Back with what the host says, not the hourglass, not a refusal: without an enrolled afnemer gate (this dev
  // entry) the host resumes the sitting as it was, so the same opgave with the tap visibly not taken (nothing
  // chosen, "volgende" still closed). With the console's gate the host holds it for the afnemer instead
  // ('host-restart', console-resume.spec.ts).
  await expect(opgave).toBeVisible();
  await expect(page.getByRole('button', { name: ui.next, exact: true })).toBeDisabled();
  await expect(waiting).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const events = await journalEvents(host.dataDir);
  expect(
    events.filter((e) => e.type === 'answer.committed').map((e) => e.type === 'answer.committed' && e.itemId),
  ).toEqual(files.items.slice(0, index).map((i) => i.id));
  // The tap made while the host was down is absent: not taken, and never sent twice.
  expect(
    events.filter(
      (e) => (e.type === 'answer.changed' || e.type === 'answer.committed') && e.itemId === item.id,
    ),
  ).toEqual([]);
  const view = await page.evaluate(() => window.lbt.session.state());
  if (!view.ok || !view.value) throw new Error('no sitting after the restart');
  expect(view.value.state.status).toBe('active');
  expect(view.value.state.items[index]!.current).toBeNull();
  // Now the same tap goes through, once.
  await finger.tap(opgave.locator(`[data-option-id="${item.key.optionId}"]`));
  await expect(page.getByRole('button', { name: ui.next, exact: true })).toBeEnabled();
  await expect
    .poll(async () =>
      (await journalEvents(host.dataDir)).filter((e) => e.type === 'answer.changed' && e.itemId === item.id),
    )
    .toHaveLength(1);
});

test.describe('with the afnemer console', () => {
  // The console's device check wants the kiosk's own screen size, as in console-resume.spec.ts.
  test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

  test('in the console: the afnemer reads that the host does not answer, and the restart holds the sitting for them', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const service = await startService();
    try {
      const dataDir = await enrolledDataDir(service);
      const host = await startKiosk(dataDir);
      hosts.push(host);
      const finger = await Finger.on(page);
      await page.goto(consoleUrl(host));
      await login(page, AFNEMERS.main);
      await page.getByTestId('new-sitting').click();
      await page.getByTestId('to-device-check').click();
      await passDeviceCheck(page);
      await fillSetup(page, 'KND202609');
      await page.getByTestId('to-protocol').click();
      await page.getByTestId('hand-over').click();
      const index = files.items.findIndex((item, i) => i > 0 && item.key.kind === 'choose');
      const item = files.items[index]!;
      await walkCandidate({ page, finger, files, ui, answerRight: () => true }, index);
      const opgave = page.locator(`main[data-step="opgave:${item.id}"]`);
      await expect(opgave).toBeVisible();

      await host.stop('SIGKILL');
      if (item.key.kind !== 'choose') throw new Error('not a choose item');
      // The console polls the host, so the page may see it gone before the tap lands and show the hourglass
      // at once; the tap then has nothing to touch. Either way the hourglass is what the candidate must see.
      void finger.tap(opgave.locator(`[data-option-id="${item.key.optionId}"]`)).catch(() => undefined);
      await expect(page.locator('main[data-screen="host-down"]')).toBeVisible();
      // The afnemer's way in still opens; the PIN cannot be checked, and the overlay says why, in Dutch.
      await page.keyboard.press('Control+Alt+KeyA');
      const overlay = page.getByTestId('afnemer-overlay');
      await typePin(page, AFNEMERS.main.pin, overlay);
      await overlay.getByTestId('pin-submit').click();
      await expect(overlay.getByTestId('overlay-error')).toContainText('De kiosk-host reageert niet.');

      const restarted = await startKiosk(dataDir);
      hosts.push(restarted);
      await page.goto(consoleUrl(restarted));
      await login(page, AFNEMERS.main);
      await expect(page.getByTestId('open-session')).toContainText(`bij opgave ${index + 1} van 40`);
      const events = await journalEvents(dataDir);
      expect(
        events
          .filter((e) => e.type === 'answer.committed')
          .map((e) => e.type === 'answer.committed' && e.itemId),
      ).toEqual(files.items.slice(0, index).map((i) => i.id));
      expect(events.filter((e) => e.type === 'answer.changed' && e.itemId === item.id)).toEqual([]);
      const paused = events.filter((e) => e.type === 'session.paused');
      expect(paused.map((e) => e.type === 'session.paused' && e.reason)).toEqual(['host-restart']);
    } finally {
      for (const host of hosts) await host.stop();
      hosts = [];
      await service.close();
    }
  });
});
