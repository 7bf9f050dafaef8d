import { useEffect, useMemo } from 'react';
import { LanguageCode } from '../../../src/shared/items';
import { IDLE_TIMES, SHORT_IDLE_TIMES } from '../../../src/shared/session/idle';
import { CandidateApp } from './CandidateApp';
import type { Pace } from './context';
import { createHostPort } from './host-port';
import { createCandidateStore } from './store';

/**
 * PRE-CONSOLE ENTRY POINT (development and tests only): `?view=candidate&lang=nl` opens a sitting for a
 * test candidate and starts the flow, until the afnemer console (a later issue) launches sittings.
 * `&pace=fast` shortens the demonstrating hand and does not wait for sounds to end, so e2e tests can walk
 * all 40 items; `&idle=short` makes the help for a candidate who touches nothing come a hundred times sooner, so
 * a test sees it. Candidates never get either, because only this entry (and the console's, for tests) reads them.
 */
const REFRESH_MS = 3000;

export function CandidateEntry({ params }: { params: URLSearchParams }) {
  const language = LanguageCode.catch('nl').parse(params.get('lang'));
  const pace: Pace = params.get('pace') === 'fast' ? 'fast' : 'normal';
  const idle = params.get('idle') === 'short' ? SHORT_IDLE_TIMES : IDLE_TIMES;
  const candidateRef = params.get('ref') ?? 'testkandidaat';
  const port = useMemo(() => createHostPort({ afnemerId: 'ontwikkeling', gemeente: 'ontwikkeling' }), []);
  const store = useMemo(() => createCandidateStore(port), [port]);
  useEffect(() => {
    if (store.getState().status === 'idle') void store.open(candidateRef, language);
    // The afnemer may pause or end the sitting from elsewhere; look every few seconds while idle.
    const timer = setInterval(() => void store.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [candidateRef, language, store]);
  return <CandidateApp store={store} port={port} pace={pace} idle={idle} />;
}
