import type { LanguageCode } from '../../src/shared/items';
import type { PracticeContent } from '../../src/shared/practice/content';
import { practiceFileUrl } from '../../src/shared/practice/content';
import { createSessionReducer, stampEvent, type SessionState } from '../../src/shared/session';
import type { CandidatePackage } from '../kiosk/candidate/model';
import type { CandidatePort, PortResult } from '../kiosk/candidate/port';

/**
 * The kiosk's candidate screens run here unchanged; only their host is different. This port is a host in the
 * page: the same shared reducer the kiosk's host folds events with, kept in memory and nowhere else. There
 * is no journal, no result and no network call: the practice leaves nothing behind when the page closes.
 */
export function createLocalPort(content: PracticeContent): CandidatePort {
  // The practice has no scored items: the practice screens never ask for one (the app ends after practice).
  const definition = { ...content.definition, items: [] };
  const reducer = createSessionReducer({
    packageId: content.packageId,
    packageHash: content.packageHash,
    definition,
    items: [],
    practice: content.practice,
  });
  let state: SessionState = reducer.initial;
  // The reducer needs increasing times; the page's clock is good enough for a sitting nobody keeps.
  const now = () => new Date().toISOString();
  const rejected = <T>(message: string): PortResult<T> => ({
    ok: false,
    error: { code: 'rejected', message },
  });

  const pkg: CandidatePackage = {
    packageId: content.packageId,
    definition,
    items: [],
    // The screens get what the kiosk's screens get: the practice items without their keys.
    practice: content.practice.map(({ key: _key, ...view }) => view),
    instructions: content.instructions,
  };

  return {
    async open({ language }: { candidateRef: string; language: LanguageCode }) {
      const opened = reducer.apply(reducer.initial, {
        type: 'session.opened',
        seq: 1,
        at: now(),
        sessionId: crypto.randomUUID(),
        packageId: content.packageId,
        packageHash: content.packageHash,
        definitionId: content.definition.id,
        definitionVersion: content.definition.version,
        // Nothing is scored at home: with no opgaven, the only cesuur the reducer accepts is 0.
        cesuur: 0,
        language,
        afnemerId: 'thuis',
        candidateRef: 'thuis',
        gemeente: 'thuis',
        doelgroep: 'onbekend',
        conditions: {},
      });
      if (!opened.ok) return rejected(opened.reason);
      state = opened.state;
      return { ok: true, value: { pkg, state } };
    },
    async dispatch(action) {
      const event = stampEvent(action, { seq: state.lastSeq + 1, at: now() }, content);
      const result = reducer.apply(state, event);
      if (!result.ok) return rejected(result.reason);
      state = result.state;
      return { ok: true, value: state };
    },
    async state() {
      return { ok: true, value: state };
    },
    assetUrl: (path) => new URL(practiceFileUrl(path), window.location.href).toString(),
  };
}
