import type { InputType } from './event-parts';
import type { ItemRecord, PracticeRecord, SessionState } from './state';

/** Small immutable updates shared by the event handlers. */

export function withItem(
  state: SessionState,
  index: number,
  update: (record: ItemRecord) => ItemRecord,
): SessionState {
  return { ...state, items: state.items.map((record, i) => (i === index ? update(record) : record)) };
}

export function withPractice(
  state: SessionState,
  index: number,
  update: (record: PracticeRecord) => PracticeRecord,
): SessionState {
  return { ...state, practice: state.practice.map((record, i) => (i === index ? update(record) : record)) };
}

export function withCounts(state: SessionState, delta: Partial<SessionState['counts']>): SessionState {
  const counts = { ...state.counts };
  for (const [key, value] of Object.entries(delta) as [keyof SessionState['counts'], number][]) {
    counts[key] += value;
  }
  return { ...state, counts };
}

/** Adds an input type once, keeping the order in which they were first used. */
export function addInputType(types: readonly InputType[], type: InputType): InputType[] {
  return types.includes(type) ? [...types] : [...types, type];
}

/** Ends the open pause incident (if any) at `at`. */
export function closeOpenPause(state: SessionState, at: string): SessionState {
  return {
    ...state,
    pause: null,
    incidents: state.incidents.map((incident) =>
      incident.kind === 'pause' && incident.to === null ? { ...incident, to: at } : incident,
    ),
  };
}
