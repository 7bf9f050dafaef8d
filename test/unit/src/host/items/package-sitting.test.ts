import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../src/host/handlers';
import { PackageStore } from '../../../../../src/host/items/package-store';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../../../src/host/items/trust';
import { createRouter } from '../../../../../src/host/router';
import { sessionContentOf } from '../../../../../src/host/session/content';
import { scoreSession } from '../../../../../src/shared/scoring';
import type { SessionEventInput, SessionView } from '../../../../../src/shared/session';
import { practiceInputs } from '../../../../support/session-fixture';
import { scoringPackage, wrongResponse } from '../../../../support/scoring-cli-package';

/**
 * A whole sitting on the loaded package (the reference package in items/ when it verifies) through the
 * default handler wiring: the host's raw score equals the number of right answers given.
 */
describe('a sitting on the loaded package', () => {
  it('scores exactly the right answers given, and the view never carries a key', async () => {
    const pkg = scoringPackage();
    const packages = PackageStore.load(pkg.dir, readTrustPolicy(defaultTrustedPublishersFile, true));
    const router = createRouter(
      createHandlers({
        version: '0.0.0',
        shell: 'chromium',
        packageId: () => packages.packageId(),
        packages,
      }),
    );
    const send = async (channel: string, request: unknown) => {
      const result = await router.call(channel, request);
      if (!result.ok) throw new Error(`${channel} ${JSON.stringify(request)}: ${result.error.message}`);
      return result.value as SessionView;
    };
    const dispatch = (input: SessionEventInput) => send('session.dispatch', input);
    const opened = await send('session.open', {
      afnemerId: 'afnemer-1',
      candidateRef: 'K-1',
      gemeente: 'Zwolle',
      doelgroep: 'onbekend',
      language: 'nl',
    });
    expect(opened.step.practiceCount).toBe(pkg.loaded.definition.practice.length);
    for (const item of pkg.loaded.definition.practice.map((id) => pkg.loaded.practice.get(id)!)) {
      for (const input of practiceInputs(item)) await dispatch(input);
    }
    let view = await dispatch({ type: 'practice.finished' });
    let right = 0;
    // A scripted mix: every third answer wrong.
    while (view.step.phase.kind !== 'end') {
      const phase = view.step.phase;
      if (phase.kind === 'family-instruction') {
        view = await dispatch(
          phase.shown
            ? { type: 'voorbeeld.shown', itemId: view.step.itemId! }
            : { type: 'family.instruction-shown', family: phase.family },
        );
      } else if (phase.kind === 'voorbeeld') {
        if (!phase.shown) await dispatch({ type: 'voorbeeld.shown', itemId: phase.itemId });
        await dispatch({ type: 'voorbeeld.demonstrated', itemId: phase.itemId });
        view = await dispatch({ type: 'opgave.shown', itemId: phase.itemId });
      } else if (phase.kind === 'opgave') {
        const item = pkg.loaded.items.get(phase.itemId)!;
        const correct = phase.itemIndex % 3 !== 2;
        right += correct ? 1 : 0;
        view = await dispatch({
          type: 'answer.committed',
          itemId: item.id,
          response: correct ? item.key : wrongResponse(item),
          inputType: 'touch',
        });
      } else throw new Error(`unexpected phase ${phase.kind}`);
      expect(JSON.stringify(view)).not.toContain('"key"');
    }
    view = await dispatch({ type: 'session.completed' });
    expect(view.state.counts.committed).toBe(pkg.items.length);
    const score = scoreSession(view.state, sessionContentOf(pkg.loaded)!);
    expect(score.raw).toBe(right);
    expect(view.state.familiesInstructed).toEqual(pkg.definition.families);
  });
});
