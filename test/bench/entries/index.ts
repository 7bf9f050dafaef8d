import type { Benchmark } from '../harness';
import { ipcRoundtrip } from './ipc-roundtrip';
import { journalAppend } from './journal-append';
import { serverCalibrate } from './server-calibrate';
import { serverIngest } from './server-ingest';
import { serverReviewBenchmarks } from './server-review';
import { uiNext } from './ui-next';

/** Every benchmark `npm run bench` knows, in the order it runs them. */
export const benchmarks: Benchmark[] = [
  ipcRoundtrip,
  journalAppend,
  uiNext,
  serverIngest,
  ...serverReviewBenchmarks,
  serverCalibrate,
];
