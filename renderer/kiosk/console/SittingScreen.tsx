import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import type { SittingOverview } from '../../../src/shared/afnemer';
import type { LanguageCode } from '../../../src/shared/items';
import { AfnemerOverlay, type OverlayActions } from './AfnemerOverlay';
import { CandidateSitting, useAttachedSitting } from './CandidateSitting';
import { CandidateWhereabouts } from './CandidateWhereabouts';
import { useAfnemerGesture } from './use-afnemer-gesture';

/**
 * The sitting in candidate mode: the candidate's screens fill the window; the afnemer's gesture (3 s in the
 * top-left corner, or Ctrl+Alt+A) lays the PIN pad over them. Once the candidate reaches the end screen (or
 * the sitting was aborted) a plain "Afnemer" button appears too, since the candidate has just been asked to
 * call the afnemer.
 */
export function SittingScreen(props: {
  language: LanguageCode;
  pace: 'fast' | 'normal';
  actions: Omit<OverlayActions, 'dismiss'>;
}) {
  const [overlay, setOverlay] = useState(false);
  const { store, port } = useAttachedSitting(props.language);
  const status = useStore(store, (s) => s.session?.status ?? null);
  const phase = useStore(store, (s) => s.session?.phase.kind ?? null);
  const open = useCallback(() => setOverlay(true), []);
  useAfnemerGesture(open, !overlay);
  const ended = status === 'completed' || status === 'aborted' || phase === 'end';

  return (
    <div className="sitting" data-console-screen="sitting" data-status={status ?? ''}>
      <CandidateSitting store={store} port={port} pace={props.pace} />
      {ended && !overlay && (
        <button
          type="button"
          className="afnemer-unlock"
          onClick={open}
          lang="nl"
          data-testid="afnemer-unlock"
        >
          Afnemer
        </button>
      )}
      {overlay && (
        <AfnemerOverlay
          whereabouts={<CandidateWhereabouts store={store} />}
          actions={{
            ...props.actions,
            toClose: (pin: string, overview: SittingOverview) => {
              setOverlay(false);
              props.actions.toClose(pin, overview);
            },
            dismiss: () => {
              setOverlay(false);
              void store.refresh();
            },
          }}
        />
      )}
    </div>
  );
}
