import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { stage, type CandidateStore } from '../candidate/store';
import type { Stage } from '../candidate/model';
import { minutes } from './dutch';

/** Where the candidate is, in the afnemer's words: part, item n of 40, voorbeeld or opgave. */
export function whereText(current: Stage | null, total: number): string {
  if (!current) return 'Nog niet begonnen';
  const family = (id: string) => id.replace(/-/g, ' ');
  switch (current.kind) {
    case 'welcome':
      return 'Welkomstscherm';
    case 'practice':
      return `Oefenen: opgave ${current.index + 1}${current.shown ? '' : ' (voorbeeld)'}`;
    case 'practice-done':
      return 'Oefenen klaar';
    case 'family-instruction':
      return `Uitleg van het onderdeel "${family(current.family)}", voor opgave ${current.itemIndex + 1} van ${total}`;
    case 'voorbeeld':
    case 'opgave':
      return `Opgave ${current.index + 1} van ${total}, ${current.kind === 'voorbeeld' ? 'voorbeeld' : 'zelf doen'}`;
    case 'end':
      return 'Eindscherm: alle opgaven gemaakt';
    case 'paused':
      return 'Pauzescherm';
    case 'closed':
      return 'Afgesloten';
  }
}

/**
 * Two lines for the afnemer's overlay: where the candidate is, and how long they have touched nothing there,
 * so the afnemer knows when to step in (within the protocol). Ticks once a second while shown.
 */
export function CandidateWhereabouts({ store }: { store: CandidateStore }) {
  // A fresh object per call: compared field by field, or every store change would re-render forever.
  const current = useStore(store, useShallow(stage));
  const total = useStore(store, (s) => s.pkg?.items.length ?? 0);
  const quietSince = useStore(store, (s) => s.quietSince);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const family =
    current?.kind === 'voorbeeld' || current?.kind === 'opgave'
      ? store.getState().pkg?.items[current.index]?.family
      : undefined;
  return (
    <>
      <dt>Kandidaat is bij</dt>
      <dd data-testid="candidate-where">
        {whereText(current, total)}
        {family ? ` (onderdeel "${family.replace(/-/g, ' ')}")` : ''}
      </dd>
      <dt>Niets aangeraakt</dt>
      <dd data-testid="candidate-quiet">
        {quietSince === null ? '—' : `sinds ${minutes(Math.max(0, now - quietSince))}`}
      </dd>
    </>
  );
}
