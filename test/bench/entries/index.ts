import type { Benchmark } from '../harness';
import { ipcRoundtrip } from './ipc-roundtrip';

/** Every benchmark `npm run bench` knows, in the order it runs them. */
export const benchmarks: Benchmark[] = [ipcRoundtrip];
