/**
 * The journal's head anchor: a small file beside the journal that says how many records were acknowledged and
 * what the last one hashed to, MACed with the session's anchor key. A journal cut back at a record boundary is
 * still a valid chain, so without this a rollback looks like an ordinary interruption. Layout: two 80-byte slots
 * (src/shared/journal/format.ts, ANCHOR); rules: docs/JOURNAL.md, "Head anchor".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ANCHOR, ANCHOR_EXTENSION, ANCHOR_MAGIC, GENESIS_HASH } from '../../shared/journal/format';
import type { RefusalReason } from '../../shared/journal/recovery-report';
import { writeFileDurably } from '../keys/durable-fs';
import type { SessionKey } from '../keys/journal-key';
import type { DecodedRecord } from './analyze';

/** A point in the chain: `seq` records acknowledged, the last one hashing to `hash` (genesis for none). */
export interface AnchorPoint {
  seq: number;
  hash: Buffer;
}

export function anchorFileName(journalFile: string): string {
  return journalFile + ANCHOR_EXTENSION;
}

function mac(key: SessionKey, sessionId: string, slot: Buffer): Buffer {
  return createHmac('sha256', key.anchorKey)
    .update(slot.subarray(0, ANCHOR.mac))
    .update(Buffer.from(sessionId, 'utf8'))
    .digest();
}

export function encodeSlot(point: AnchorPoint, sessionId: string, key: SessionKey): Buffer {
  const slot = Buffer.alloc(ANCHOR.slotLength);
  slot.set(ANCHOR_MAGIC, ANCHOR.magic);
  slot.writeUInt16BE(1, ANCHOR.version);
  slot.writeBigUInt64BE(BigInt(point.seq), ANCHOR.seq);
  point.hash.copy(slot, ANCHOR.headHash);
  mac(key, sessionId, slot).copy(slot, ANCHOR.mac);
  return slot;
}

/** The slot's point, or null when it is not one this key wrote (torn, zeroed, forged or from another session). */
function decodeSlot(slot: Buffer, sessionId: string, key: SessionKey): AnchorPoint | null {
  if (slot.length !== ANCHOR.slotLength || !slot.subarray(0, 4).equals(ANCHOR_MAGIC)) return null;
  if (!timingSafeEqual(mac(key, sessionId, slot), slot.subarray(ANCHOR.mac))) return null;
  return {
    seq: Number(slot.readBigUInt64BE(ANCHOR.seq)),
    hash: Buffer.from(slot.subarray(ANCHOR.headHash, ANCHOR.headHash + 32)),
  };
}

export interface AnchorVerdict {
  reason: Extract<RefusalReason, 'anchor-missing' | 'anchor-invalid' | 'rolled-back' | 'anchor-mismatch'>;
  recordNumber: number;
  detail: string;
}

/**
 * Checks the committed records against the anchor. The anchor is written after the record's fdatasync, so the
 * journal may hold exactly one record more than the anchor (the process died between the two writes, the record
 * was never acknowledged), never fewer. A slot that does not verify can only be a torn anchor write, which
 * happens after its record was durable: then that record must be there.
 */
export function checkAnchor(
  anchorBytes: Buffer | null,
  records: readonly DecodedRecord[],
  sessionId: string,
  key: SessionKey,
): AnchorVerdict | null {
  const held = records.length;
  if (anchorBytes === null) {
    return {
      reason: 'anchor-missing',
      recordNumber: held,
      detail:
        'the head anchor beside the journal is missing; the journal may have been replaced or rolled back',
    };
  }
  const points: (AnchorPoint | null)[] = [];
  for (let i = 0; i < ANCHOR.slots; i++) {
    const slot = anchorBytes.subarray(i * ANCHOR.slotLength, (i + 1) * ANCHOR.slotLength);
    points.push(
      anchorBytes.length === ANCHOR.slots * ANCHOR.slotLength ? decodeSlot(slot, sessionId, key) : null,
    );
  }
  const valid = points.filter((p): p is AnchorPoint => p !== null);
  if (valid.length === 0) {
    return {
      reason: 'anchor-invalid',
      recordNumber: held,
      detail: 'no slot of the head anchor verifies with this device key',
    };
  }
  const best = valid.reduce((a, b) => (b.seq > a.seq ? b : a));
  const atLeast = valid.length === ANCHOR.slots ? best.seq : best.seq + 1;
  if (held < atLeast) {
    return {
      reason: 'rolled-back',
      recordNumber: held + 1,
      detail:
        `the head anchor says ${atLeast} records were acknowledged, the journal holds ${held} intact ones: ` +
        'acknowledged records were removed or altered',
    };
  }
  if (held > best.seq + 1) {
    return {
      reason: 'anchor-mismatch',
      recordNumber: best.seq + 1,
      detail: `the journal holds ${held} records, its head anchor only ${best.seq}: the anchor was rolled back`,
    };
  }
  const hashThere = best.seq === 0 ? Buffer.from(GENESIS_HASH) : records[best.seq - 1]!.hash;
  if (!hashThere.equals(best.hash)) {
    return {
      reason: 'anchor-mismatch',
      recordNumber: best.seq,
      detail: `record ${best.seq} is not the record the head anchor names: the journal was replaced or rewritten`,
    };
  }
  return null;
}

/** The anchor's bytes, or null when there is no anchor file. */
export async function readAnchor(journalFile: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(anchorFileName(journalFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The open anchor of a journal being appended to. */
export class AnchorFile {
  private constructor(
    private readonly handle: FileHandle,
    private readonly sessionId: string,
    private readonly key: SessionKey,
  ) {}

  /** Writes both slots for `point` durably (temp file, fsync, rename, dir fsync) and opens the file. */
  static async create(journalFile: string, sessionId: string, key: SessionKey, point: AnchorPoint) {
    const file = anchorFileName(journalFile);
    const slot = encodeSlot(point, sessionId, key);
    await writeFileDurably(file, Buffer.concat([slot, slot]), { mode: 0o600, exclusive: false });
    return new AnchorFile(await fs.open(file, 'r+'), sessionId, key);
  }

  /** Opens an existing anchor (recovery has verified it) and sets it to where the journal now ends. */
  static async open(journalFile: string, sessionId: string, key: SessionKey, point: AnchorPoint) {
    const anchor = new AnchorFile(await fs.open(anchorFileName(journalFile), 'r+'), sessionId, key);
    try {
      await anchor.reset(point);
    } catch (error) {
      await anchor.close();
      throw error;
    }
    return anchor;
  }

  /** After an append: one 80-byte positional write into slot seq % 2 and an fdatasync. */
  async advance(point: AnchorPoint): Promise<void> {
    const slot = encodeSlot(point, this.sessionId, this.key);
    await this.handle.write(slot, 0, slot.length, (point.seq % ANCHOR.slots) * ANCHOR.slotLength);
    await this.handle.datasync();
  }

  /** Both slots to `point`: after resuming, and to undo a failed advance whose record was cut back. */
  async reset(point: AnchorPoint): Promise<void> {
    const slot = encodeSlot(point, this.sessionId, this.key);
    await this.handle.write(Buffer.concat([slot, slot]), 0, ANCHOR.slots * ANCHOR.slotLength, 0);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
