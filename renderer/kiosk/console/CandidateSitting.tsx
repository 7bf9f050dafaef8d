import { useEffect, useMemo } from 'react';
import { fail } from '../../../src/shared/contract';
import type { LanguageCode } from '../../../src/shared/items';
import { CandidateApp } from '../candidate/CandidateApp';
import type { Pace } from '../candidate/context';
import { createHostPort } from '../candidate/host-port';
import type { CandidatePort } from '../candidate/port';
import { createCandidateStore, type CandidateStore } from '../candidate/store';
import { idleFromUrl } from './api';

/** How often the candidate's screen re-reads the host while idle, so a pause shows without a tap. */
const REFRESH_MS = 1000;

/**
 * The candidate's side of a sitting the console opened: the candidate flow attached to the host's running
 * session (it never opens one itself). The store lives as long as the sitting screen, and the afnemer's
 * overlay is drawn over it, so the candidate's screen keeps its state.
 */
export function useAttachedSitting(language: LanguageCode): { store: CandidateStore; port: CandidatePort } {
  const port = useMemo(() => attachedPort(), []);
  const store = useMemo(() => createCandidateStore(port), [port]);
  useEffect(() => {
    if (store.getState().status === 'idle') void store.open('', language);
    const timer = setInterval(() => void store.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [language, store]);
  return { store, port };
}

export function CandidateSitting(props: { store: CandidateStore; port: CandidatePort; pace: Pace }) {
  return <CandidateApp store={props.store} port={props.port} pace={props.pace} idle={idleFromUrl()} />;
}

/** The host port, but `open` only loads the package and reads the sitting the console already opened. */
function attachedPort(): CandidatePort {
  const base = createHostPort({ afnemerId: 'console', gemeente: 'console' });
  return {
    ...base,
    async open({ language }) {
      const pkg = await window.lbt.package.get();
      if (!pkg.ok) return pkg;
      const instructions = pkg.value.instructions.find((i) => i.language === language);
      if (!instructions)
        return fail('rejected', `Het pakket heeft geen instructies in de taal "${language}".`);
      const state = await base.state();
      if (!state.ok) return state;
      const { packageId, definition, items, practice } = pkg.value;
      return {
        ok: true,
        value: { pkg: { packageId, definition, items, practice, instructions }, state: state.value },
      };
    },
  };
}
