import { expect, type Page } from '@playwright/test';
import axeCore from 'axe-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Instructions, type LanguageCode } from '../../../src/shared/items';
import { scoreSession } from '../../../src/shared/scoring';
import type { SessionState } from '../../../src/shared/session';
import { startHostProcess, type HostProcess } from '../host-process';
import { ITEMS_DIR, type PackageFiles } from './package-files';

export function instructionsFor(language: LanguageCode): Instructions {
  return Instructions.parse(
    JSON.parse(readFileSync(join(ITEMS_DIR, 'instructions', `${language}.json`), 'utf8')),
  );
}

/** A fresh host per sitting: the host runs one sitting at a time. */
export async function openCandidatePage(page: Page, language: LanguageCode): Promise<HostProcess> {
  const host = await startHostProcess();
  const url = new URL(host.launchUrl);
  url.search = `?view=candidate&lang=${language}&pace=fast`;
  await page.goto(url.toString());
  return host;
}

/**
 * The host's record, read through the page's own contract call (the state holds no keys) and scored
 * here in the test process with the keys from items/.
 */
export async function hostRawScore(
  page: Page,
  files: PackageFiles,
): Promise<{ raw: number; state: SessionState }> {
  const view = await page.evaluate(() => window.lbt.session.state());
  if (!view.ok || !view.value) throw new Error(`no session state: ${JSON.stringify(view)}`);
  const state = view.value.state;
  const score = scoreSession(state, {
    packageId: 'x',
    packageHash: 'x',
    definition: files.definition,
    items: files.items,
    practice: files.practice,
  });
  return { raw: score.raw, state };
}

type WithAxe = typeof window & { axe?: typeof axeCore };

/**
 * axe-core on the screen as it is now: no serious or critical violation. It runs as @axe-core/playwright's
 * legacy mode runs it (`axe.run` on the whole document, same-origin frames only, and the screens have no
 * frames), but the 0.5 MB axe source is sent once per loaded page instead of twice per call, and no blank
 * page is opened per call to finish the run: that was 0.3-0.7 s of every check.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // axe is put in the top document only: a screen that gains a frame must say so here, not go unchecked.
  expect(page.frames(), `frames on ${screen}`).toHaveLength(1);
  if (!(await page.evaluate(() => typeof (window as WithAxe).axe?.run === 'function'))) {
    await page.evaluate(axeCore.source);
    await page.evaluate(() => (window as WithAxe).axe!.configure({ allowedOrigins: ['<same_origin>'] }));
  }
  const result = await page.evaluate(() => (window as WithAxe).axe!.run(document));
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}
