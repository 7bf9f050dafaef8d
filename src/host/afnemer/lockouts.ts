/**
 * Wrong-PIN counting per afnemer id, persisted in `<dataDir>/afnemer/lockouts.json` (temp file, fsync, rename,
 * directory fsync) before any answer is given, so neither a crash nor a restart forgets a failure or a lock.
 * A file that cannot be read is left untouched and logins are refused: forgetting locks would hand an attacker
 * fresh attempts.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  LOCKOUTS_SCHEMA,
  LockoutsFile,
  type LockoutEntry,
} from '../../shared/afnemer';
import { readTextIfExists, writeFileDurably } from '../keys/durable-fs';

export const AFNEMER_DIR = 'afnemer';
export const LOCKOUTS_FILE = 'lockouts.json';

/** lockouts.json exists but is not a lockouts file (detail for the log). */
export class LockoutsUnreadable extends Error {
  override readonly name = 'LockoutsUnreadable';
}

export type PinFailureOutcome =
  { locked: false; attemptsLeft: number } | { locked: true; lockedUntil: string };

export class LockoutStore {
  private entries: Record<string, LockoutEntry> | null = null;

  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): LockoutStore {
    return new LockoutStore(join(dataDir, AFNEMER_DIR, LOCKOUTS_FILE));
  }

  /** The id's lock end while it is locked at `now`, else null. Throws LockoutsUnreadable. */
  async lockedUntil(afnemerId: string, now: Date): Promise<string | null> {
    const entry = (await this.load())[afnemerId];
    if (!entry?.lockedUntil) return null;
    return Date.parse(entry.lockedUntil) > now.getTime() ? entry.lockedUntil : null;
  }

  /** Counts a wrong PIN (stored before it returns); the 5th in a row locks the id for the next interval. */
  async recordFailure(afnemerId: string, now: Date): Promise<PinFailureOutcome> {
    const entries = { ...(await this.load()) };
    const previous = entries[afnemerId];
    const failures = (previous?.failures ?? 0) + 1;
    const at = now.toISOString();
    let entry: LockoutEntry;
    let outcome: PinFailureOutcome;
    if (failures >= LOCK_AFTER_FAILURES) {
      const lockouts = (previous?.lockouts ?? 0) + 1;
      const minutes = LOCK_MINUTES[Math.min(lockouts, LOCK_MINUTES.length) - 1]!;
      const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
      entry = { failures: 0, lockouts, lockedUntil, lastFailureAt: at };
      outcome = { locked: true, lockedUntil };
    } else {
      entry = { failures, lockouts: previous?.lockouts ?? 0, lockedUntil: null, lastFailureAt: at };
      outcome = { locked: false, attemptsLeft: LOCK_AFTER_FAILURES - failures };
    }
    entries[afnemerId] = entry;
    await this.save(entries);
    return outcome;
  }

  /** A good PIN clears the id's count and its growing lock interval. */
  async recordSuccess(afnemerId: string): Promise<void> {
    const entries = await this.load();
    if (!(afnemerId in entries)) return;
    const rest = { ...entries };
    delete rest[afnemerId];
    await this.save(rest);
  }

  private async load(): Promise<Record<string, LockoutEntry>> {
    if (this.entries) return this.entries;
    const text = await readTextIfExists(this.file);
    if (text === null) return (this.entries = {});
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new LockoutsUnreadable(`${this.file} is not JSON: ${(error as Error).message}`);
    }
    const parsed = LockoutsFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LockoutsUnreadable(`${this.file}: ${issue?.path.join('.') || '$'}: ${issue?.message}`);
    }
    return (this.entries = parsed.data.entries);
  }

  /** Stores first, then remembers: a failed write leaves memory and disk as they were. */
  private async save(entries: Record<string, LockoutEntry>): Promise<void> {
    const file: LockoutsFile = { schema: LOCKOUTS_SCHEMA, entries };
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileDurably(this.file, Buffer.from(JSON.stringify(file, null, 2) + '\n'), {
      mode: 0o600,
      exclusive: false,
    });
    this.entries = entries;
  }
}
