/**
 * Messages between the service's request thread and its check threads (check-pool.ts <-> check-thread.ts).
 * Both ends are this program, started from the same files, and structured clone carries the values, so they are
 * typed here rather than parsed with zod (which would cost the very time the threads exist to save); everything
 * that comes from outside was checked by zod before it got here.
 */
import type { ProblemCode } from '../../shared/results-service';
import type { DatabaseLocation } from '../db/open';
import type { DamagedPackage, ScoringPackage } from '../packages';
import type { CheckedResult } from './check';

export interface CheckThreadData {
  location: DatabaseLocation;
  packages: ScoringPackage[];
  damaged: DamagedPackage[];
}

/** Thread -> pool, once, after its database connection answered (or could not be made). */
export type ThreadStatus = { kind: 'ready' } | { kind: 'failed'; message: string };

/** Pool -> thread. */
export type ToThread = { kind: 'check'; id: number; text: string } | { kind: 'close' };

/** Thread -> pool, one per `check`. The envelope text stays with the pool, which has it already. */
export type CheckReply =
  | { kind: 'checked'; id: number; checked: Omit<CheckedResult, 'envelopeText'> }
  | {
      kind: 'refused';
      id: number;
      problem: { status: number; code: ProblemCode; detail: string; issues?: string[] };
    }
  | { kind: 'failed'; id: number; message: string };
