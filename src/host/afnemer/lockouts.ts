/**
 * Wrong-PIN counting per afnemer id, persisted in `<dataDir>/afnemer/lockouts.json` (temp file, fsync, rename,
 * directory fsync) before any answer is given, so neither a crash nor a restart forgets a failure or a lock.
 *
 * The file is MACed (lockouts-mac.ts) and numbered; `<dataDir>/keys/lockouts.anchor` holds the number of the
 * last one written, MACed too, and is written after it. So a forged or edited file, a deleted one, and an
 * older copy put back are all refused (docs/SECURITY.md, "PIN lockouts at rest"). A file that cannot be
 * trusted is left untouched and logins are refused until a beheerder resets it (`lbt kiosk reset-lockouts`):
 * forgetting locks would hand an attacker fresh attempts.
 */
import { mkdir } from 'node:fs/promises';
import type { z } from 'zod';
import { dirname, join } from 'node:path';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  LOCKOUTS_ANCHOR_SCHEMA,
  LOCKOUTS_SCHEMA,
  LegacyLockoutsFile,
  LockoutsAnchor,
  LockoutsFile,
  type LockoutEntry,
} from '../../shared/afnemer';
import { parseJson } from '../../shared/json';
import { ensurePrivateDir, readTextIfExists, writeFileDurably } from '../keys/durable-fs';
import { anchorMac, fileMac, lockoutsMacKeys, macMatches, type LockoutsMacKeys } from './lockouts-mac';

export const AFNEMER_DIR = 'afnemer';
export const LOCKOUTS_FILE = 'lockouts.json';
export const LOCKOUTS_ANCHOR_FILE = join('keys', 'lockouts.anchor');

/** lockouts.json (or its anchor) cannot be trusted: damaged, forged, deleted or rolled back (detail for the log). */
export class LockoutsUnreadable extends Error {
  override readonly name = 'LockoutsUnreadable';
}

export type PinFailureOutcome =
  { locked: false; attemptsLeft: number } | { locked: true; lockedUntil: string };

interface State {
  generation: number;
  entries: Record<string, LockoutEntry>;
}

export class LockoutStore {
  private state: State | null = null;
  private keys: LockoutsMacKeys | null = null;

  /** `rosterKey`: the sealed roster key the MAC keys derive from (src/host/service-link/roster-seal.ts). */
  constructor(
    readonly file: string,
    readonly anchorFile: string,
    private readonly rosterKey: () => Promise<Buffer>,
  ) {}

  static inDataDir(dataDir: string, rosterKey: () => Promise<Buffer>): LockoutStore {
    return new LockoutStore(
      join(dataDir, AFNEMER_DIR, LOCKOUTS_FILE),
      join(dataDir, LOCKOUTS_ANCHOR_FILE),
      rosterKey,
    );
  }

  /** The id's lock end while it is locked at `now`, else null. Throws LockoutsUnreadable. */
  async lockedUntil(afnemerId: string, now: Date): Promise<string | null> {
    const entry = (await this.load()).entries[afnemerId];
    if (!entry?.lockedUntil) return null;
    return Date.parse(entry.lockedUntil) > now.getTime() ? entry.lockedUntil : null;
  }

  /** Counts a wrong PIN (stored before it returns); the 5th in a row locks the id for the next interval. */
  async recordFailure(afnemerId: string, now: Date): Promise<PinFailureOutcome> {
    const entries = { ...(await this.load()).entries };
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
    const { entries } = await this.load();
    if (!(afnemerId in entries)) return;
    const rest = { ...entries };
    delete rest[afnemerId];
    await this.save(rest);
  }

  /**
   * The beheerder's way out of a refused file: every count and lock is dropped and a new file is written, numbered
   * past any anchor there is (readable or not), so the refused file can never come back as the latest.
   */
  async reset(): Promise<void> {
    const keys = await this.macKeys();
    const anchor = await this.readAnchor(keys).catch(() => null);
    this.state = { generation: anchor?.generation ?? 0, entries: {} };
    await this.save({});
  }

  private async macKeys(): Promise<LockoutsMacKeys> {
    return (this.keys ??= lockoutsMacKeys(await this.rosterKey()));
  }

  private async load(): Promise<State> {
    if (this.state) return this.state;
    const keys = await this.macKeys();
    const anchor = await this.readAnchor(keys);
    const text = await readTextIfExists(this.file);
    if (text === null) {
      if (anchor) {
        throw new LockoutsUnreadable(
          `${this.file} is missing, but ${this.anchorFile} says generation ${anchor.generation} was written: deleted`,
        );
      }
      // The first PIN check on this kiosk: the file is written now, so from here on its absence is noticed.
      this.state = { generation: -1, entries: {} };
      await this.save({});
      return this.state;
    }
    const legacy = parseJson(LegacyLockoutsFile, text, this.file);
    if (legacy.ok) {
      if (anchor) throw new LockoutsUnreadable(`${this.file} is a plain file where a MACed one was written`);
      // From the kiosk version before the MAC: its counts are kept, now MACed and anchored.
      this.state = { generation: -1, entries: legacy.value.entries };
      await this.save(legacy.value.entries);
      return this.state;
    }
    const file = parseWith(LockoutsFile, this.file, text);
    if (!macMatches(fileMac(keys.file, file.generation, file.entries), file.mac)) {
      throw new LockoutsUnreadable(
        `${this.file}: the MAC does not match (edited, forged, or another roster key)`,
      );
    }
    if (!anchor) {
      // Only the very first write can lack its anchor (a crash between the two); it holds no counts yet.
      if (file.generation !== 0 || Object.keys(file.entries).length > 0)
        throw new LockoutsUnreadable(`${this.anchorFile} is missing beside ${this.file}: deleted`);
      this.state = { generation: 0, entries: {} };
      await this.save({});
      return this.state;
    } else if (file.generation < anchor.generation) {
      throw new LockoutsUnreadable(
        `${this.file} is generation ${file.generation}, older than ${anchor.generation} in ${this.anchorFile}: rolled back`,
      );
    } else if (file.generation > anchor.generation + 1) {
      // The file is written first, so it may be one ahead after a crash, never more.
      throw new LockoutsUnreadable(
        `${this.file} is generation ${file.generation}, ahead of ${anchor.generation} in ${this.anchorFile}`,
      );
    }
    return (this.state = { generation: file.generation, entries: file.entries });
  }

  private async readAnchor(keys: LockoutsMacKeys): Promise<LockoutsAnchor | null> {
    const text = await readTextIfExists(this.anchorFile);
    if (text === null) return null;
    const anchor = parseWith(LockoutsAnchor, this.anchorFile, text);
    if (!macMatches(anchorMac(keys.anchor, anchor.generation), anchor.mac))
      throw new LockoutsUnreadable(`${this.anchorFile}: the MAC does not match (edited or forged)`);
    return anchor;
  }

  /**
   * Stores first, then remembers: a failed write leaves memory as it was. The file goes before the anchor, so a
   * crash between them leaves the file one generation ahead, which load() accepts; never behind.
   */
  private async save(entries: Record<string, LockoutEntry>): Promise<void> {
    const keys = await this.macKeys();
    const generation = (this.state?.generation ?? -1) + 1;
    const file: LockoutsFile = {
      schema: LOCKOUTS_SCHEMA,
      generation,
      entries,
      mac: fileMac(keys.file, generation, entries),
    };
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileDurably(this.file, Buffer.from(JSON.stringify(file, null, 2) + '\n'), {
      mode: 0o600,
      exclusive: false,
    });
    const anchor: LockoutsAnchor = {
      schema: LOCKOUTS_ANCHOR_SCHEMA,
      generation,
      mac: anchorMac(keys.anchor, generation),
    };
    await ensurePrivateDir(dirname(this.anchorFile));
    await writeFileDurably(this.anchorFile, Buffer.from(JSON.stringify(anchor) + '\n'), {
      mode: 0o600,
      exclusive: false,
    });
    this.state = { generation, entries };
  }
}

/** The lockout files are read with the one parse helper; any failure is "unreadable", never a fresh start. */
function parseWith<S extends z.ZodType>(schema: S, file: string, text: string): z.output<S> {
  const parsed = parseJson(schema, text, file);
  if (!parsed.ok) throw new LockoutsUnreadable(parsed.error.message);
  return parsed.value;
}
