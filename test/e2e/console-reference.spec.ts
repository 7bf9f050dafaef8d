import { expect, test } from '@playwright/test';
import { setReferenceForm } from '../../src/server/admin/reference-forms';
import type { RunningService } from '../../src/server/start';
import { checkScreen, consoleScreen, fillSetup, login, passDeviceCheck } from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, GEMEENTE, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';
import { CLI_ACTOR } from '../../src/server/audit/append';

/**
 * No names where a reference belongs (issue 20, item 6): the gemeente's form (9 digits with the 11-proef) reaches
 * the kiosk inside the signed roster; "Jan de Vries 2" is refused while typing with a Dutch message naming the
 * form and an example, and a client number typed in groups is taken.
 */
test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

let service: RunningService;
let host: HostProcess;

test.beforeAll(async () => {
  service = await startService();
  await setReferenceForm(
    service.deps.db,
    service.deps.dialect,
    new Date(),
    GEMEENTE,
    { masks: ['999999999'], checkDigit: 'elfproef', example: '123456782' },
    CLI_ACTOR,
  );
  host = await startKiosk(await enrolledDataDir(service));
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

test('a name is refused with the expected form and an example; a client number is taken', async ({
  page,
}) => {
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  await page.getByTestId('to-device-check').click();
  await passDeviceCheck(page);
  await expect(page.getByTestId('device-summary')).toHaveAttribute('data-state', 'ready');

  await fillSetup(page, 'Jan de Vries 2');
  const field = page.getByLabel('Kandidaatreferentie (geen naam)');
  // Shown as typed (upper case), never squeezed into JANDEVRIES2.
  await expect(field).toHaveValue('JAN DE VRIES 2');
  const hint = page.getByTestId('candidate-ref-hint');
  await expect(hint).toHaveAttribute('data-valid', 'false');
  await expect(hint).toContainText('Dit lijkt een naam.');
  await expect(hint).toContainText('999999999 (9 cijfers) met 11-proef, bijvoorbeeld 123456782');
  await expect(page.getByTestId('to-protocol')).toBeDisabled();
  await checkScreen(page, 'setup-reference-refused');

  // The afnemer's one free text, the other arrangement for a language without audio: warned, not blocked.
  await page.getByLabel('Instructietaal').selectOption('ti');
  await page.getByTestId('other-arrangement').click();
  const text = page.getByTestId('other-arrangement-text');
  await expect(text).toHaveAttribute('placeholder', /^Geen medische gegevens/);
  await text.fill('Kandidaat is doof, afnemer gebaart');
  // Named in the footer before "Verder", ahead of what is still missing: a warning, not a block.
  await expect(page.getByTestId('setup-missing')).toHaveText(
    'Let op: "doof" lijkt medisch. Laat dat weg als het niet nodig is; opslaan kan wel.',
  );
  await checkScreen(page, 'setup-arrangement-warning');
  await page.getByLabel('Instructietaal').selectOption('nl');

  await field.fill('123456781');
  await expect(hint).toContainText('de 11-proef klopt niet');
  await field.fill('123 456 782');
  await expect(hint).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('to-protocol')).toBeEnabled();
  await page.getByTestId('to-protocol').click();
  await expect(consoleScreen(page, 'protocol')).toBeVisible();
});
