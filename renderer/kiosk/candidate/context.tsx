import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { UiKey } from '../../../src/shared/items';
import type { IdleTimes } from '../../../src/shared/session/idle';
import type { CandidatePackage } from './model';
import type { CandidatePort } from './port';
import type { CandidateState, CandidateStore } from './store';

/** How fast demonstrations run: `normal` for candidates; `fast` only via the pre-console test entry. */
export type Pace = 'normal' | 'fast';

export interface CandidateContextValue {
  store: CandidateStore;
  port: CandidatePort;
  pace: Pace;
  /** When the screens offer help to a candidate who touches nothing (src/shared/session/idle.ts). */
  idle: IdleTimes;
}

export const CandidateContext = createContext<CandidateContextValue | null>(null);

export function useCandidate(): CandidateContextValue {
  const value = useContext(CandidateContext);
  if (!value) throw new Error('useCandidate outside <CandidateContext>');
  return value;
}

export function useCandidateState<T>(select: (state: CandidateState) => T): T {
  return useStore(useCandidate().store, select);
}

export function usePackage(): CandidatePackage {
  const pkg = useCandidateState((s) => s.pkg);
  if (!pkg) throw new Error('the package is not loaded');
  return pkg;
}

/** A UI string in the instruction language; `{n}` becomes the given number. */
export function useUi(): (key: UiKey, n?: number) => string {
  const { instructions } = usePackage();
  return (key, n) => {
    const text = instructions.ui[key] ?? key;
    return n === undefined ? text : text.replace('{n}', String(n));
  };
}
