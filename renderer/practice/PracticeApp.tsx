import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import '../common/fonts';
import { DesignCanvas } from '../common/DesignCanvas';
import { IDLE_TIMES } from '../../src/shared/session/idle';
import '../kiosk/candidate/candidate.css';
import '../kiosk/candidate/scene.css';
import { CandidateContext, useCandidate, useCandidateState, type Pace } from '../kiosk/candidate/context';
import { WelcomeScreen } from '../kiosk/candidate/screens-simple';
import { PracticeStepScreen } from '../kiosk/candidate/screens-practice';
import { createCandidateStore, stage as stageSelector } from '../kiosk/candidate/store';
import type { PracticeContent } from '../../src/shared/practice/content';
import { createLocalPort } from './local-port';
import { DayScreen, HomePracticeDoneScreen } from './screens-home';
import './practice.css';

/**
 * The practice at home: the kiosk's own candidate screens (welcome, practice voorbeeld, practice opgave with
 * its gentle feedback) over a host that lives in the page, framed by what happens on the day. It ends after
 * the practice: there are no scored items here to go on to.
 */
export function PracticeApp({ content, pace }: { content: PracticeContent; pace: Pace }) {
  const port = useMemo(() => createLocalPort(content), [content]);
  const store = useMemo(() => createCandidateStore(port), [port]);
  const { language, direction } = content.instructions;
  useEffect(() => {
    if (store.getState().status === 'idle') void store.open('thuis', language);
  }, [language, store]);
  const context = useMemo(() => ({ store, port, pace, idle: IDLE_TIMES }), [store, port, pace]);
  return (
    <CandidateContext.Provider value={context}>
      <div data-candidate-root="">
        {/* Left to right in every language, as on the kiosk; only the instruction text follows the language. */}
        <DesignCanvas dir="ltr" textDir={direction} lang={language} turns>
          <Screens />
        </DesignCanvas>
      </div>
    </CandidateContext.Provider>
  );
}

function Screens() {
  const { store } = useCandidate();
  const current = useStore(store, useShallow(stageSelector));
  const pkg = useCandidateState((s) => s.pkg);
  const ready = useCandidateState((s) => s.status === 'ready');
  // First (and after each round) the story of the day; the practice itself in between.
  const [onDay, setOnDay] = useState(true);
  if (!ready || !pkg || !current) return <main className="layout tone-calm" aria-busy="true" />;
  if (onDay) {
    return (
      <DayScreen
        onNext={() => {
          // Back from a finished round: the next round starts from its first item.
          if (current.kind === 'practice-done') void store.send({ type: 'practice.restarted' });
          setOnDay(false);
        }}
      />
    );
  }
  switch (current.kind) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'practice':
      return <PracticeStepScreen items={pkg.practice} stage={current} />;
    case 'practice-done':
      return <HomePracticeDoneScreen onNext={() => setOnDay(true)} />;
    default:
      // Nothing here leads past the practice; should it ever, the story of the day is the calm place to be.
      return <DayScreen onNext={() => setOnDay(false)} />;
  }
}
