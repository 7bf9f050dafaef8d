/** A router over the real handlers with an in-memory session service, for the service tests. */
import { createHandlers } from '../../src/host/handlers';
import { createRouter } from '../../src/host/router';
import { MemoryEventSink } from '../../src/host/session/event-sink';
import { createSessionService, type SessionServiceOptions } from '../../src/host/session/session-service';
import type { SessionEventInput, SessionView } from '../../src/shared/session';
import { context, practice, practiceInputs } from './session-fixture';

export const openRequest = {
  afnemerId: 'afnemer-7',
  candidateRef: 'K-2026-0042',
  gemeente: 'Utrecht',
  doelgroep: 'gezinsmigrant',
  language: 'nl',
};

/** A router over the real handlers with an in-memory session on the mini package and a test clock. */
export function setup(overrides: Partial<SessionServiceOptions> = {}) {
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  const sinks: MemoryEventSink[] = [];
  const session = createSessionService({
    content: () => context(),
    now: () => new Date((time += 1000)),
    openSink: () => {
      const sink = new MemoryEventSink();
      sinks.push(sink);
      return sink;
    },
    ...overrides,
  });
  const internal: unknown[] = [];
  const router = createRouter(
    createHandlers({ version: '0.0.0', shell: 'chromium', packageId: () => 'mini-pkg', session }),
    { onInternalError: (_channel, error) => internal.push(error) },
  );
  const call = async (channel: string, request: unknown = {}) => router.call(channel, request);
  const dispatch = async (input: SessionEventInput) => {
    const result = await router.call('session.dispatch', input);
    if (!result.ok) throw new Error(`${input.type}: ${result.error.message}`);
    return result.value as SessionView;
  };
  const setTime = (t: number) => (time = t);
  return { session, sinks, call, dispatch, internal, setTime };
}

/** Drives practice and the first family instruction up to the opgave of w1. */
export async function toFirstOpgave(t: ReturnType<typeof setup>) {
  await t.call('session.open', openRequest);
  for (const input of practice.flatMap(practiceInputs)) await t.dispatch(input);
  await t.dispatch({ type: 'practice.finished' });
  await t.dispatch({ type: 'family.instruction-shown', family: 'woorden-leren' });
  await t.dispatch({ type: 'voorbeeld.shown', itemId: 'w1' });
  await t.dispatch({ type: 'voorbeeld.demonstrated', itemId: 'w1' });
  return t.dispatch({ type: 'opgave.shown', itemId: 'w1' });
}

export const propertyNames = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => [k, ...propertyNames(v)])
    : [];
