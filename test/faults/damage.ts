/**
 * Damage done to a journal while the host is down: a torn write (part of a record at the end, as a power cut
 * during the write leaves it) and a flipped bit inside an earlier record (media corruption).
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { Analysis } from '../../src/host/journal';
import type { Rng } from './rng';

/** Appends a prefix of a copy of the last frame; returns how many bytes were added. */
export function tearTail(file: string, analysis: Analysis & { ok: true }, rng: Rng): number {
  const bytes = readFileSync(file);
  const last = analysis.records.at(-1)!;
  const length = rng.int(1, last.end - last.offset - 1);
  appendFileSync(file, bytes.subarray(last.offset, last.offset + length));
  return length;
}

/** Flips one bit in a record before the last; returns the record number and the original bytes. */
export function flipBit(file: string, analysis: Analysis & { ok: true }, rng: Rng) {
  const original = readFileSync(file);
  const record = analysis.records[rng.int(0, analysis.records.length - 2)]!;
  const damaged = Buffer.from(original);
  const at = rng.int(record.offset, record.end - 1);
  damaged[at]! ^= 1 << rng.int(0, 7);
  writeFileSync(file, damaged);
  return { recordNumber: record.recordNumber, original, damaged };
}
