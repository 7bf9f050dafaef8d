/** Drives a whole sitting through the durable test host and returns its stored, signed result. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from '../../../../../src/shared/items';
import type { SignedResult } from '../../../../../src/shared/result';
import type { SessionEventInput } from '../../../../../src/shared/session';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock,
} from '../../../../support/session-durable-harness';
import { keys, wrong } from '../../../../support/session-fixture';

export const answers: Record<string, Response> = { ...keys, z1: wrong.z1!, z2: wrong.z2! };

export async function completedSitting(dataDir: string) {
  const host = await startHost(dataDir, new TestClock());
  await host.call('session.open', { ...openRequest, conditions: { shell: 'chromium', lockdown: 'reduced' } });
  const inputs = sittingInputs(answers).map((input): SessionEventInput =>
    // The candidate used a mouse on w2: the result must flag it.
    input.type === 'answer.committed' && input.itemId === 'w2' ? { ...input, inputType: 'mouse' } : input,
  );
  const pauseAt = inputs.findIndex((i) => i.type === 'voorbeeld.shown' && i.itemId === 'z1');
  for (const [index, input] of inputs.entries()) {
    if (index === pauseAt) {
      await host.dispatch({ type: 'session.paused', reason: 'focus-lost' });
      await host.dispatch({ type: 'session.resumed' });
    }
    await host.dispatch(input);
  }
  const head = host.durable.service.state()!;
  await host.dispatch({ type: 'session.closed', afnemerId: 'afnemer-9' });
  const sessionId = head.session!.sessionId;
  const got = await host.call('result.get', { sessionId });
  if (!got.ok || !got.value) throw new Error('no stored result');
  await host.stop();
  const envelope = got.value as SignedResult;
  const file = join(dataDir, 'results', `${sessionId}.json`);
  const deviceFile = join(dataDir, 'identity', 'device.json');
  return { envelope, file, deviceFile, head, device: JSON.parse(readFileSync(deviceFile, 'utf8')) };
}
