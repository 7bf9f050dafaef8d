/**
 * The MACs that make lockouts.json and its anchor tamper-evident. The key is derived from the roster key
 * (`keys/roster.key`, sealed by the kiosk's key provider like the journal key), so no new secret is kept, and
 * whoever swaps the roster key to get rid of a roster also loses every lockouts file: it no longer verifies.
 * The MAC is over a canonical text of its own, not over the file's bytes, so formatting never matters.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { LOCKOUTS_ANCHOR_SCHEMA, LOCKOUTS_SCHEMA, type LockoutEntry } from '../../shared/afnemer';

/** One key per purpose: a file MAC can never stand in for an anchor MAC or the other way round. */
export interface LockoutsMacKeys {
  file: Buffer;
  anchor: Buffer;
}

export function lockoutsMacKeys(rosterKey: Buffer): LockoutsMacKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', rosterKey, Buffer.alloc(0), info, 32));
  return { file: derive(`${LOCKOUTS_SCHEMA} file mac`), anchor: derive(`${LOCKOUTS_ANCHOR_SCHEMA} mac`) };
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** Entries sorted by id and fields in a fixed order: the same state always gives the same MAC. */
export function fileMac(key: Buffer, generation: number, entries: Record<string, LockoutEntry>): string {
  const rows = Object.keys(entries)
    .sort()
    .map((id) => {
      const e = entries[id]!;
      return [id, e.failures, e.lockouts, e.lockedUntil, e.lastFailureAt];
    });
  return hmac(key, JSON.stringify([LOCKOUTS_SCHEMA, generation, rows])).toString('base64');
}

export function anchorMac(key: Buffer, generation: number): string {
  return hmac(key, JSON.stringify([LOCKOUTS_ANCHOR_SCHEMA, generation])).toString('base64');
}

export function macMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(actual, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}
