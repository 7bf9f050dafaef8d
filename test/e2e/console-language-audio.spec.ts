import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRecordings } from '../../src/host/items/audio-import';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../src/host/items/sign';
import type { RunningService } from '../../src/server/start';
import { recording } from '../support/recordings';
import { ITEMS_DIR } from './candidate/package-files';
import { consoleScreen, login } from './console/drive';
import {
  AFNEMERS,
  COMPLIANT_FACTS,
  consoleUrl,
  enrolledDataDir,
  factsFile,
  startService,
} from './console/world';
import { startHostProcess, type HostProcess } from './host-process';

/**
 * The afnemer chooses the instruction language knowing how it will be spoken: a copy of the reference package
 * with two Dutch instructions recorded (through the real `lbt items audio import` path), run by the real host,
 * shows Dutch as partly recorded, English as synthetic and Tigrinya, Somali and Pashto as without audio.
 */
test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });

let service: RunningService;
let host: HostProcess;

test.beforeAll(async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'lbt-recorded-')), 'items');
  cpSync(ITEMS_DIR, dir, { recursive: true, filter: (src) => !src.startsWith(join(ITEMS_DIR, 'tools')) });
  const folder = mkdtempSync(join(tmpdir(), 'lbt-recordings-'));
  recording(join(folder, 'welcome.wav'), 0.2, ['-c:a', 'pcm_s16le']);
  recording(join(folder, 'end.wav'), 0.2, ['-c:a', 'pcm_s16le']);
  importRecordings({
    dir,
    language: 'nl',
    folder,
    speaker: 'spreker-01',
    date: '2026-11-30',
    pair: readPublisherKeyPair(devPublisherKeyFile),
  });
  service = await startService();
  host = await startHostProcess({
    dataDir: await enrolledDataDir(service),
    env: {
      LBT_DEVICE_FACTS_FILE: factsFile(COMPLIANT_FACTS),
      LBT_AFNEMER_GATE: 'always',
      LBT_ITEMS_DIR: dir,
    },
  });
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

test('the language list says per language: recorded in part, synthetic, or no audio', async ({ page }) => {
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  const option = (code: string) => page.getByLabel('Instructietaal').locator(`option[value="${code}"]`);
  await expect(option('nl')).toHaveAttribute('data-audio', 'partly-recorded');
  await expect(option('nl')).toHaveText('Nederlands (deels opgenomen stem, deels synthetisch)');
  await expect(option('en')).toHaveText('Engels (synthetische stem)');
  const silent: [string, string][] = [
    ['ti', 'Tigrinya'],
    ['so', 'Somalisch'],
    ['ps', 'Pasjtoe'],
  ];
  for (const [code, name] of silent)
    await expect(option(code)).toHaveText(`${name} (geen geluid: tolk nodig)`);
});
