import type { LanguageCode } from '../../../../../src/shared/items';
import { createSessionReducer, stampEvent, type SessionState } from '../../../../../src/shared/session';
import type { CandidateAction } from '../../../../../renderer/kiosk/candidate/model';
import type { CandidatePort, PortResult } from '../../../../../renderer/kiosk/candidate/port';
import { candidatePackage, definition, items, practice } from '../../fixtures';

/**
 * A host stand-in for store tests: the real shared reducer and event stamping, with each dispatch held
 * until the test releases it, so "a tap while the host is busy" can be staged exactly.
 */
export function reducerPort(options: { allowBack?: boolean } = {}) {
  const reducer = createSessionReducer({
    packageId: 'fixture',
    packageHash: 'a'.repeat(64),
    definition: { ...definition, allowBack: options.allowBack ?? definition.allowBack },
    items,
    practice,
  });
  let state: SessionState = reducer.initial;
  let clock = Date.parse('2026-01-01T09:00:00Z');
  const held: (() => void)[] = [];
  const received: CandidateAction[] = [];
  let hold = false;

  const stampAndApply = (input: CandidateAction): PortResult<SessionState> => {
    clock += 1000;
    const event = stampEvent(
      input,
      { seq: state.lastSeq + 1, at: new Date(clock).toISOString() },
      { practice },
    );
    const result = reducer.apply(state, event);
    if (!result.ok) return { ok: false, error: { code: 'rejected', message: result.reason } };
    state = result.state;
    return { ok: true, value: state };
  };

  const port: CandidatePort = {
    async open({ candidateRef, language }: { candidateRef: string; language: LanguageCode }) {
      const result = reducer.apply(state, {
        type: 'session.opened',
        seq: 1,
        at: new Date(clock).toISOString(),
        sessionId: '00000000-0000-4000-8000-000000000001',
        packageId: 'fixture',
        packageHash: 'a'.repeat(64),
        definitionId: definition.id,
        definitionVersion: definition.version,
        cesuur: definition.cesuur,
        language,
        afnemerId: 'test',
        candidateRef,
        gemeente: 'test',
        doelgroep: 'onbekend',
        conditions: {},
      });
      if (!result.ok) return { ok: false, error: { code: 'rejected', message: result.reason } };
      state = result.state;
      return { ok: true, value: { pkg: candidatePackage(language === 'ar' ? 'ar' : 'nl'), state } };
    },
    async dispatch(action) {
      received.push(action);
      if (hold) await new Promise<void>((release) => held.push(release));
      return stampAndApply(action);
    },
    async state() {
      return { ok: true, value: state };
    },
    assetUrl: (path) => `/package/${path}`,
  };

  return {
    port,
    received,
    get state() {
      return state;
    },
    /** From now on each dispatch waits for `release()`. */
    holdCalls(on: boolean) {
      hold = on;
    },
    release() {
      held.shift()?.();
    },
    get heldCount() {
      return held.length;
    },
  };
}
