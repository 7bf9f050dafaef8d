import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../../src/host/items/trust';
import type { CandidateAction } from '../../../../renderer/kiosk/candidate/model';
import { createLocalPort } from '../../../../renderer/practice/local-port';
import { practiceContentFor } from '../../../../scripts/practice-content';
import { PACKAGE } from '../../../support/items-content-package-files';

const loaded = loadPackage(PACKAGE, readTrustPolicy(defaultTrustedPublishersFile, true));
if (!loaded.ok) throw new Error('the reference package must load');
const content = practiceContentFor(loaded.package, 'nl');

describe('the practice app’s host in the page', () => {
  it('opens a sitting, judges practice answers with the shared reducer and hands the screens no keys', async () => {
    const port = createLocalPort(content);
    const opened = await port.open({ candidateRef: 'thuis', language: 'nl' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.pkg.items).toEqual([]);
    expect(opened.value.pkg.practice.every((p) => !('key' in p))).toBe(true);
    const first = content.practice[0]!;
    const steps: CandidateAction[] = first.voorbeeld
      ? [
          { type: 'practice.voorbeeld-shown', itemId: first.id },
          { type: 'practice.voorbeeld-demonstrated', itemId: first.id },
        ]
      : [];
    for (const step of [...steps, { type: 'practice.shown', itemId: first.id } as const]) {
      const result = await port.dispatch(step);
      expect(result.ok).toBe(true);
    }
    const answered = await port.dispatch({
      type: 'practice.answered',
      itemId: first.id,
      response: first.key,
      inputType: 'touch',
    });
    if (!answered.ok) throw new Error(answered.error.message);
    expect(answered.value.practice[0]?.lastCorrect).toBe(true);
  });

  it('refuses an event out of turn with the reducer’s reason, and keeps its state', async () => {
    const port = createLocalPort(content);
    await port.open({ candidateRef: 'thuis', language: 'nl' });
    const before = await port.state();
    const wrong = await port.dispatch({ type: 'practice.finished' });
    expect(wrong.ok).toBe(false);
    expect(await port.state()).toEqual(before);
  });
});
