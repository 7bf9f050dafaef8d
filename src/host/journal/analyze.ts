/**
 * Walks a journal's bytes and decides, record by record, what is committed, what is a torn tail (an interrupted
 * final write: safe to cut) and what is corruption (never cut: the journal is refused). The rules are in
 * docs/JOURNAL.md, "Recovery"; the guiding one is that a tail is called torn only when no later record can exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  GENESIS_HASH,
  MAX_BODY_LENGTH,
  RECORD,
  RECORD_MARKER,
  RecordType,
} from '../../shared/journal/format';
import { JsonValue } from '../../shared/journal/json-value';
import type { RefusalReason, TornReason } from '../../shared/journal/recovery-report';
import type { JournalKey } from '../keys/journal-key';
import { decodeHeader, decryptRecord, sha256, type JournalHeader } from './codec';
import { parseStrictJson, StrictJsonError } from '../../shared/json';

export interface DecodedRecord {
  recordNumber: number;
  type: RecordType;
  value: JsonValue;
  offset: number;
  end: number;
  hash: Buffer;
}

export interface TornTail {
  recordNumber: number;
  offset: number;
  bytesCut: number;
  reason: TornReason;
}

export type Analysis =
  | {
      ok: true;
      header: JournalHeader;
      records: DecodedRecord[];
      /** Length of the file up to the end of the last committed record. */
      goodLength: number;
      headHash: Buffer;
      closed: boolean;
      torn: TornTail | null;
    }
  | { ok: false; recordNumber: number; reason: RefusalReason; detail: string };

const refuse = (recordNumber: number, reason: RefusalReason, detail: string): Analysis => ({
  ok: false,
  recordNumber,
  reason,
  detail,
});

function allZero(bytes: Buffer, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

function headIntactAt(bytes: Buffer, offset: number): boolean {
  return (
    offset + RECORD.headLength <= bytes.length &&
    bytes[offset] === RECORD_MARKER[0] &&
    bytes[offset + 1] === RECORD_MARKER[1] &&
    crc32(bytes.subarray(offset, offset + RECORD.headCrc)) === bytes.readUInt32BE(offset + RECORD.headCrc)
  );
}

/** Whether a record head with a valid checksum starts anywhere at or after `from` (a later record exists). */
function intactHeadAfter(bytes: Buffer, from: number): boolean {
  for (let i = bytes.indexOf(RECORD_MARKER, from); i !== -1; i = bytes.indexOf(RECORD_MARKER, i + 1)) {
    if (headIntactAt(bytes, i)) return true;
  }
  return false;
}

export function analyzeJournal(bytes: Buffer, journalKey: JournalKey, expectedSessionId?: string): Analysis {
  const header = decodeHeader(bytes);
  if (typeof header === 'string') return refuse(0, 'bad-header', header);
  if (expectedSessionId !== undefined && header.sessionId !== expectedSessionId) {
    return refuse(
      0,
      'session-mismatch',
      `the header names session ${header.sessionId}, the file name ${expectedSessionId}`,
    );
  }
  const key = journalKey.forSession(header.sessionId);
  if (!timingSafeEqual(key.keyCheck, header.keyCheck)) {
    return refuse(
      0,
      'wrong-key',
      'the journal was written with a different journal key than this device holds',
    );
  }

  const records: DecodedRecord[] = [];
  let offset = header.length;
  let prevHash: Buffer = Buffer.from(GENESIS_HASH);
  let closed = false;
  const done = (torn: TornTail | null): Analysis => ({
    ok: true,
    header,
    records,
    goodLength: offset,
    headHash: prevHash,
    closed,
    torn,
  });

  while (offset < bytes.length) {
    const recordNumber = records.length + 1;
    const rest = bytes.length - offset;
    const torn = (reason: TornReason) => done({ recordNumber, offset, bytesCut: rest, reason });
    if (allZero(bytes, offset)) return torn('zero-filled');
    if (rest < RECORD.headLength) return torn('partial-head');

    const head = bytes.subarray(offset, offset + RECORD.headLength);
    if (!headIntactAt(bytes, offset)) {
      // Without a trustworthy length we cannot know where this record ends. If an intact record head follows
      // anywhere, this is damage in the middle and cutting here would destroy acknowledged records.
      if (!intactHeadAfter(bytes, offset + 1)) {
        return torn(allZero(bytes, offset + RECORD.headLength) ? 'partial-head' : 'bad-checksum-at-tail');
      }
      return refuse(
        recordNumber,
        'bad-head-checksum',
        `record ${recordNumber} at byte ${offset}: its head checksum fails`,
      );
    }

    const type = head.readUInt8(RECORD.type);
    if (type !== RecordType.event && type !== RecordType.close) {
      return refuse(
        recordNumber,
        'bad-record-type',
        `record ${recordNumber} at byte ${offset}: unknown type ${type}`,
      );
    }
    const bodyLength = head.readUInt32BE(RECORD.bodyLength);
    if (bodyLength < RECORD.ivLength + RECORD.tagLength || bodyLength > MAX_BODY_LENGTH) {
      return refuse(
        recordNumber,
        'bad-length',
        `record ${recordNumber} at byte ${offset}: impossible length ${bodyLength}`,
      );
    }
    const end = offset + RECORD.headLength + bodyLength + RECORD.trailerLength;
    if (end > bytes.length) return torn('partial-record');

    const frame = bytes.subarray(offset, end);
    if (crc32(frame.subarray(0, frame.length - 4)) !== frame.readUInt32BE(frame.length - 4)) {
      // The head (and so the length) is intact: if the file ends here, or only zeros follow, this was the last write.
      if (allZero(bytes, end)) return torn('bad-checksum-at-tail');
      return refuse(
        recordNumber,
        'bad-checksum',
        `record ${recordNumber} at byte ${offset}: its checksum fails`,
      );
    }

    // From here on the bytes are exactly what some writer wrote, so a mismatch is never a torn write.
    const seq = head.readBigUInt64BE(RECORD.seq);
    if (seq !== BigInt(recordNumber)) {
      return refuse(
        recordNumber,
        'sequence-gap',
        `record ${recordNumber} at byte ${offset} carries sequence number ${seq}`,
      );
    }
    if (!head.subarray(RECORD.prevHash, RECORD.prevHash + 32).equals(prevHash)) {
      return refuse(
        recordNumber,
        'chain-break',
        `record ${recordNumber} at byte ${offset}: prevHash is not the hash of record ${recordNumber - 1}`,
      );
    }
    if (closed) {
      return refuse(
        recordNumber,
        'record-after-close',
        `record ${recordNumber} at byte ${offset} follows the close record`,
      );
    }
    const plaintext = decryptRecord(frame, header.sessionId, key);
    if (!plaintext) {
      return refuse(
        recordNumber,
        'decrypt-failed',
        `record ${recordNumber} at byte ${offset}: AES-GCM authentication fails`,
      );
    }
    let value: JsonValue;
    try {
      // Strict: a record naming a member twice would fold one way here and read another way elsewhere.
      value = JsonValue.parse(parseStrictJson(plaintext.toString('utf8')));
    } catch (error) {
      const why =
        error instanceof StrictJsonError && error.problem === 'duplicate-key' ? `: ${error.message}` : '';
      return refuse(
        recordNumber,
        'bad-event',
        `record ${recordNumber} at byte ${offset} does not hold a JSON value${why}`,
      );
    }

    const hash = sha256(frame);
    records.push({ recordNumber, type, value, offset, end, hash });
    prevHash = hash;
    offset = end;
    if (type === RecordType.close) closed = true;
  }
  return done(null);
}
