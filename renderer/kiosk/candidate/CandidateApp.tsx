import { useEffect, useMemo } from 'react';
import '../../common/fonts';
import { DesignCanvas } from '../../common/DesignCanvas';
import './candidate.css';
import './scene.css';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { IDLE_TIMES, type IdleTimes } from '../../../src/shared/session/idle';
import { CandidateContext, useCandidate, useCandidateState, type Pace } from './context';
import type { CandidatePort } from './port';
import {
  EndScreen,
  FamilyInstructionScreen,
  PracticeDoneScreen,
  PauseScreen,
  WelcomeScreen,
} from './screens-simple';
import { OpgaveScreen, VoorbeeldScreen } from './screens-item';
import { PracticeStepScreen } from './screens-practice';
import type { CandidatePackage, Stage } from './model';
import { useEffectAfterPaint } from './after-paint';
import { WaitingIcon } from './pictograms';
import { preloadPictures, scenePictures } from './prefetch-images';
import { stage as stageSelector, type CandidateStore } from './store';

/** The candidate's sitting: one screen at a time, exactly the one the host's session state names. */
export function CandidateApp({
  store,
  port,
  pace,
  idle = IDLE_TIMES,
}: {
  store: CandidateStore;
  port: CandidatePort;
  pace: Pace;
  idle?: IdleTimes;
}) {
  const context = useMemo(() => ({ store, port, pace, idle }), [store, port, pace, idle]);
  return (
    <CandidateContext.Provider value={context}>
      {/* The frame is fixed to the window, so this wrapper only marks the candidate's screen (use-idle.ts). */}
      <div data-candidate-root="">
        <Canvas />
      </div>
    </CandidateContext.Provider>
  );
}

function Canvas() {
  const pkg = useCandidateState((s) => s.pkg);
  const status = useCandidateState((s) => s.status);
  const problem = useCandidateState((s) => s.problem);
  const hostDown = useCandidateState((s) => s.hostDown);
  const instructions = pkg?.instructions;
  useDocumentLanguage(instructions?.language);
  return (
    // Left to right in every language: the same stimulus for everyone. Only instruction text follows the language.
    <DesignCanvas dir="ltr" textDir={instructions?.direction} lang={instructions?.language}>
      {hostDown ? (
        <HostDownScreen />
      ) : status === 'ready' && pkg ? (
        <Screen />
      ) : (
        <main className="layout tone-calm" aria-label="LBT" aria-busy={status !== 'failed'}>
          {/* Only reached before the package and its language are known; the afnemer reads this, in Dutch. */}
          {status === 'failed' && (
            <p role="alert" className="start-problem" lang="nl" dir="ltr">
              De toets kon niet starten: {problem}
            </p>
          )}
        </main>
      )}
    </DesignCanvas>
  );
}

/**
 * The host does not answer: a calm hourglass over the whole screen, no words and nothing to tap, while the
 * store keeps asking the host (store.ts, hostLost). The afnemer's console says what is going on, in Dutch.
 */
function HostDownScreen() {
  return (
    <main className="layout tone-paused" data-screen="host-down" data-step="host-down:" aria-busy="true">
      <div className="layout-main">
        <div className="big-picture paused-picture">
          <WaitingIcon />
        </div>
      </div>
    </main>
  );
}

/** The page's `lang` is the instruction language while the candidate's screens are up (the console's is Dutch). */
function useDocumentLanguage(language: string | undefined) {
  useEffect(() => {
    if (!language) return;
    const root = document.documentElement;
    const before = root.lang;
    root.lang = language;
    return () => {
      root.lang = before;
    };
  }, [language]);
}

/** Which scored item the candidate is at (or about to start), or -1 before the items. */
function itemIndexOf(current: Stage | null): number {
  if (current?.kind === 'voorbeeld' || current?.kind === 'opgave') return current.index;
  if (current?.kind === 'family-instruction') return current.itemIndex;
  return -1;
}

/** The pictures of this item and the next (or of practice and the first item), fetched ahead of their screens. */
function usePicturesAhead(pkg: CandidatePackage, index: number) {
  const { port } = useCandidate();
  // After the screen is drawn: the new pictures' fetches and decoding must not slow the frame that shows it.
  useEffectAfterPaint(() => {
    const items = index < 0 ? pkg.items.slice(0, 1) : pkg.items.slice(index, index + 2);
    const scenes = [
      ...(index < 0 ? pkg.practice.flatMap((p) => (p.voorbeeld ? [p.voorbeeld, p.opgave] : [p.opgave])) : []),
      ...items.flatMap((item) => [item.voorbeeld, item.opgave]),
    ];
    const urls = scenes.flatMap(scenePictures).map((visual) => port.assetUrl(visual.image));
    preloadPictures(pkg.packageId, urls);
  }, [index, pkg, port]);
}

function Screen() {
  // A fresh object per call: compare it field by field, or every store change would re-render forever.
  const current = useStore(useCandidate().store, useShallow(stageSelector));
  const pkg = useCandidateState((s) => s.pkg)!;
  const total = pkg.items.length;
  usePicturesAhead(pkg, itemIndexOf(current));
  if (!current) return null;
  switch (current.kind) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'practice':
      return <PracticeStepScreen items={pkg.practice} stage={current} />;
    case 'practice-done':
      return <PracticeDoneScreen />;
    case 'family-instruction':
      return (
        <FamilyInstructionScreen
          family={current.family}
          itemIndex={current.itemIndex}
          shown={current.shown}
        />
      );
    case 'voorbeeld':
      return (
        <VoorbeeldScreen
          key={current.itemId}
          item={pkg.items[current.index]!}
          index={current.index}
          total={total}
          shown={current.shown}
          demonstrated={current.demonstrated}
        />
      );
    case 'opgave':
      return (
        <OpgaveScreen
          key={current.itemId}
          item={pkg.items[current.index]!}
          index={current.index}
          total={total}
        />
      );
    case 'end':
      return <EndScreen />;
    case 'paused':
      return <PauseScreen />;
    case 'closed':
      return <EndScreen name="closed" />;
  }
}
