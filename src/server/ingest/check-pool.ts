/**
 * A pool of check threads for `POST /v1/results`. Checking a result (JSON, zod, canonical form, Ed25519,
 * re-score) costs about a millisecond of CPU, several times what the request thread spends on HTTP and the
 * group commit, so on one thread the service used one core however many it had. The pool hands each upload to
 * the thread with the fewest checks in flight; the request thread keeps HTTP, the writes and the receipts.
 *
 * A thread that dies (a bug, an out-of-memory) fails only the checks it had in flight: those uploads get a 500
 * problem, which the kiosks' outboxes retry, and a replacement thread is started. Nothing is written before a
 * check succeeds, so a dying thread loses nothing.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseLocation } from '../db/open';
import { ProblemError } from '../http/problem';
import type { DamagedPackage, ScoringPackage } from '../packages';
import type { CheckedResult } from './check';
import type { CheckReply, CheckThreadData, ThreadStatus, ToThread } from './check-thread-protocol';
import type { ResultChecker } from './checker';

const BOOT = new URL('./check-thread-boot.mjs', import.meta.url);
/** A thread that keeps dying is restarted at most this often, so a broken set-up does not spin a core. */
const RESTART_DELAY_MS = 1000;

interface Pending {
  text: string;
  resolve(checked: CheckedResult): void;
  reject(error: unknown): void;
}

interface CheckThread {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

export interface CheckPoolOptions {
  threads: number;
  location: DatabaseLocation;
  packages: ScoringPackage[];
  /** Archived packages that did not read back (package-archive.ts); their results are refused by name. */
  damaged?: DamagedPackage[];
  /** Told when a thread stops unexpectedly (the service logs it). */
  onThreadExit?: (detail: string) => void;
  /** The thread's entry module; tests put one in front of the real thread that can be made to die. */
  boot?: URL;
}

export async function startCheckPool(options: CheckPoolOptions): Promise<ResultChecker> {
  if (!Number.isInteger(options.threads) || options.threads < 1) {
    throw new RangeError(`a check pool needs at least one thread, not ${options.threads}`);
  }
  const data: CheckThreadData = {
    location: options.location,
    packages: options.packages,
    damaged: options.damaged ?? [],
  };
  const threads: CheckThread[] = [];
  let nextId = 0;
  let closing = false;

  /** Starts a thread and resolves once its database connection answered. */
  const spawn = (): Promise<CheckThread> =>
    new Promise((ready, fail) => {
      const thread: CheckThread = {
        worker: new Worker(options.boot ?? BOOT, { workerData: data }),
        inFlight: new Map(),
      };
      let started = false;
      thread.worker.on('message', (message: ThreadStatus | CheckReply) => {
        switch (message.kind) {
          case 'ready':
            started = true;
            threads.push(thread);
            ready(thread);
            return;
          case 'failed':
            if (!('id' in message)) {
              fail(new Error(`A check thread could not start: ${message.message}`));
              return;
            }
            settle(thread, message.id, (p) =>
              p.reject(new Error(`The result check failed: ${message.message}`)),
            );
            return;
          case 'refused':
            settle(thread, message.id, (p) => {
              const { status, code, detail, issues } = message.problem;
              p.reject(new ProblemError(status, code, detail, issues));
            });
            return;
          case 'checked':
            settle(thread, message.id, (p) => p.resolve({ ...message.checked, envelopeText: p.text }));
            return;
        }
      });
      let gone = false;
      const stopped = (detail: string) => {
        // 'error' is followed by 'exit': handle the first.
        if (gone) return;
        gone = true;
        const at = threads.indexOf(thread);
        if (at >= 0) threads.splice(at, 1);
        for (const pending of thread.inFlight.values()) {
          pending.reject(new Error(`The check thread stopped (${detail}); the upload can be sent again.`));
        }
        thread.inFlight.clear();
        if (!started) {
          fail(new Error(`A check thread stopped while starting (${detail}).`));
          return;
        }
        if (closing) return;
        options.onThreadExit?.(detail);
        replaceLater();
      };
      thread.worker.on('error', (error) => stopped(error.message));
      thread.worker.on('exit', (code) => stopped(`exit code ${code}`));
    });

  /** Starts a thread in place of one that stopped; keeps trying (once a second) until one starts. */
  const replaceLater = (): void => {
    setTimeout(() => {
      if (closing) return;
      spawn().catch((error: Error) => {
        options.onThreadExit?.(error.message);
        replaceLater();
      });
    }, RESTART_DELAY_MS).unref();
  };

  const settle = (thread: CheckThread, id: number, done: (pending: Pending) => void) => {
    const pending = thread.inFlight.get(id);
    if (!pending) return;
    thread.inFlight.delete(id);
    done(pending);
  };

  const stopAll = async () => {
    closing = true;
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((done) => {
            thread.worker.once('exit', () => done());
            thread.worker.postMessage({ kind: 'close' } satisfies ToThread);
            // A thread stuck in a check is not waited for long; its uploads get a 500 and are sent again.
            setTimeout(() => void thread.worker.terminate(), 5000).unref();
          }),
      ),
    );
  };

  try {
    await Promise.all(Array.from({ length: options.threads }, spawn));
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    check(text) {
      let thread: CheckThread | undefined;
      for (const candidate of threads) {
        if (!thread || candidate.inFlight.size < thread.inFlight.size) thread = candidate;
      }
      if (!thread || closing) {
        return Promise.reject(
          new ProblemError(
            503,
            'unavailable',
            'The service is restarting its result checks; send again shortly.',
          ),
        );
      }
      const id = nextId++;
      const chosen = thread;
      return new Promise<CheckedResult>((resolve, reject) => {
        chosen.inFlight.set(id, { text, resolve, reject });
        chosen.worker.postMessage({ kind: 'check', id, text } satisfies ToThread);
      });
    },
    close: stopAll,
  };
}
