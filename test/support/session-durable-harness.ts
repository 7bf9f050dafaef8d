/** A "host" over the real handlers with journal-backed sittings in a data dir, restartable in-process. */
import { createHandlers } from '../../src/host/handlers';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import { createRouter } from '../../src/host/router';
import { openDurableSessions } from '../../src/host/session/durable';
import type { SessionEventInput, SessionView } from '../../src/shared/session';
import type { Response } from '../../src/shared/items';
import { context, items, keys, practice, practiceInputs } from './session-fixture';
import { openRequest } from './session-service-harness';

export { openRequest };

/** A test clock shared across restarts, so downtime between two hosts is a known number of ms. */
export class TestClock {
  constructor(public time = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now = () => new Date((this.time += 1000));
}

export async function startHost(dataDir: string, clock: TestClock) {
  const durable = await openDurableSessions({
    dataDir,
    provider: await FileKeyProvider.open(dataDir),
    content: () => context(),
    now: clock.now,
  });
  const internal: unknown[] = [];
  const router = createRouter(
    createHandlers({
      version: '0.0.0',
      shell: 'chromium',
      packageId: () => 'mini-pkg',
      session: durable.service,
      recovery: durable.recovery,
      results: durable.results,
      dataDir,
    }),
    { onInternalError: (_channel, error) => internal.push(error) },
  );
  const call = (channel: string, request: unknown = {}) => router.call(channel, request);
  const dispatch = async (input: SessionEventInput) => {
    const result = await call('session.dispatch', input);
    if (!result.ok) throw new Error(`${input.type}: ${result.error.message}`);
    return result.value as SessionView;
  };
  /** Simulates the process going away: the journal handle is let go, nothing is closed or flushed extra. */
  const stop = () => durable.service.release();
  return { durable, call, dispatch, internal, stop };
}

export type Host = Awaited<ReturnType<typeof startHost>>;

/** The inputs of a whole sitting after opening, answering each item with `answers`. */
export function sittingInputs(answers: Record<string, Response> = keys): SessionEventInput[] {
  const inputs: SessionEventInput[] = practice.flatMap(practiceInputs);
  inputs.push({ type: 'practice.finished' });
  let family = '';
  for (const item of items) {
    if (item.family !== family) {
      family = item.family;
      inputs.push({ type: 'family.instruction-shown', family: item.family });
    }
    inputs.push({ type: 'voorbeeld.shown', itemId: item.id });
    inputs.push({ type: 'voorbeeld.demonstrated', itemId: item.id });
    inputs.push({ type: 'opgave.shown', itemId: item.id });
    inputs.push({ type: 'answer.changed', itemId: item.id, response: answers[item.id]!, inputType: 'touch' });
    inputs.push({
      type: 'answer.committed',
      itemId: item.id,
      response: answers[item.id]!,
      inputType: 'touch',
    });
  }
  inputs.push({ type: 'session.completed' });
  return inputs;
}
