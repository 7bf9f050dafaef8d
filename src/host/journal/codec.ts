/**
 * Encodes the journal's file header and record frames (layout in src/shared/journal/format.ts and
 * docs/JOURNAL.md). Pure functions over bytes: no file access here.
 */
import { createCipheriv, createDecipheriv, createHash, hash, randomBytes, type CipherGCM } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  FILE_MAGIC,
  HEADER,
  JOURNAL_FORMAT_VERSION,
  RECORD,
  RECORD_MARKER,
  type RecordType,
} from '../../shared/journal/format';
import type { SessionKey } from '../keys/journal-key';

export interface JournalHeader {
  version: number;
  createdAtMs: number;
  keyCheck: Buffer;
  sessionId: string;
  /** Bytes the header occupies; the first record starts here. */
  length: number;
}

export function encodeHeader(sessionId: string, createdAtMs: number, keyCheck: Buffer): Buffer {
  const id = Buffer.from(sessionId, 'utf8');
  const length = HEADER.fixedLength + id.length;
  const bytes = Buffer.alloc(length);
  bytes.set(FILE_MAGIC, HEADER.magic);
  bytes.writeUInt16BE(JOURNAL_FORMAT_VERSION, HEADER.version);
  bytes.writeUInt16BE(length, HEADER.headerLength);
  bytes.writeBigUInt64BE(BigInt(createdAtMs), HEADER.createdAtMs);
  keyCheck.copy(bytes, HEADER.keyCheck, 0, HEADER.keyCheckLength);
  bytes.writeUInt8(id.length, HEADER.sessionIdLength);
  id.copy(bytes, HEADER.sessionId);
  bytes.writeUInt32BE(crc32(bytes.subarray(0, length - 4)), length - 4);
  return bytes;
}

/** Parses the file header, or says in words why it is not one. */
export function decodeHeader(bytes: Buffer): JournalHeader | string {
  if (bytes.length < HEADER.fixedLength) return `the file is ${bytes.length} bytes, shorter than any header`;
  if (!bytes.subarray(0, 4).equals(FILE_MAGIC)) return 'the file does not start with LBTJ';
  const version = bytes.readUInt16BE(HEADER.version);
  if (version !== JOURNAL_FORMAT_VERSION) return `unknown format version ${version}`;
  const length = bytes.readUInt16BE(HEADER.headerLength);
  const idLength = bytes.readUInt8(HEADER.sessionIdLength);
  if (length !== HEADER.fixedLength + idLength || length > bytes.length)
    return 'the header length is inconsistent';
  if (crc32(bytes.subarray(0, length - 4)) !== bytes.readUInt32BE(length - 4))
    return 'the header checksum fails';
  return {
    version,
    createdAtMs: Number(bytes.readBigUInt64BE(HEADER.createdAtMs)),
    keyCheck: Buffer.from(bytes.subarray(HEADER.keyCheck, HEADER.keyCheck + HEADER.keyCheckLength)),
    sessionId: bytes.toString('utf8', HEADER.sessionId, HEADER.sessionId + idLength),
    length,
  };
}

export function sha256(bytes: Uint8Array): Buffer {
  // The one-shot hash (Node >= 20.12) skips the Hash object; this runs once per append.
  return typeof hash === 'function'
    ? hash('sha256', bytes, 'buffer')
    : createHash('sha256').update(bytes).digest();
}

/** IVs are drawn from a pooled block of CSPRNG output: one randomBytes call per 256 records instead of one each. */
const IV_POOL_SIZE = 256;
let ivPool = Buffer.alloc(0);
let ivPoolOffset = 0;
function freshIv(): Buffer {
  if (ivPoolOffset + RECORD.ivLength > ivPool.length) {
    ivPool = randomBytes(RECORD.ivLength * IV_POOL_SIZE);
    ivPoolOffset = 0;
  }
  const iv = ivPool.subarray(ivPoolOffset, ivPoolOffset + RECORD.ivLength);
  ivPoolOffset += RECORD.ivLength;
  return iv;
}

/** Associated data of a record: its head (type, length, seq, prevHash) and the session it belongs to. */
function associatedData(head: Buffer, sessionId: string): Buffer {
  return Buffer.concat([head.subarray(0, RECORD.headCrc), Buffer.from(sessionId, 'utf8')]);
}

/** A cipher with its own fresh IV, ready for exactly one record. */
export interface PreparedCipher {
  iv: Buffer;
  cipher: CipherGCM;
}

/**
 * Setting up AES-GCM is the costliest step of an append and needs neither the event nor the chain, so the
 * journal prepares the next record's cipher while it waits for the disk. Each one is used once and dropped.
 */
export function prepareCipher(key: SessionKey): PreparedCipher {
  const iv = freshIv();
  return { iv, cipher: createCipheriv('aes-256-gcm', key.key, iv) };
}

export interface RecordInput {
  type: RecordType;
  seq: number;
  prevHash: Buffer;
  plaintext: Buffer;
  sessionId: string;
  key: SessionKey;
  /** From `prepareCipher(key)`; made here when absent. */
  prepared?: PreparedCipher;
}

/** One complete record frame, ready to be written at the end of the file. */
export function encodeRecord(input: RecordInput): Buffer {
  const bodyLength = RECORD.ivLength + RECORD.tagLength + input.plaintext.length;
  // allocUnsafe: every byte below is written (the reserved byte explicitly), and this runs before each fsync.
  const frame = Buffer.allocUnsafe(RECORD.headLength + bodyLength + RECORD.trailerLength);
  frame.set(RECORD_MARKER, RECORD.marker);
  frame.writeUInt8(input.type, RECORD.type);
  frame.writeUInt8(0, RECORD.reserved);
  frame.writeUInt32BE(bodyLength, RECORD.bodyLength);
  frame.writeBigUInt64BE(BigInt(input.seq), RECORD.seq);
  input.prevHash.copy(frame, RECORD.prevHash);
  frame.writeUInt32BE(crc32(frame.subarray(0, RECORD.headCrc)), RECORD.headCrc);
  // A fresh random 96-bit IV per record; HKDF gives each session its own key, so the birthday bound is far away.
  const { iv, cipher } = input.prepared ?? prepareCipher(input.key);
  cipher.setAAD(associatedData(frame, input.sessionId));
  const ciphertext = Buffer.concat([cipher.update(input.plaintext), cipher.final()]);
  iv.copy(frame, RECORD.iv);
  cipher.getAuthTag().copy(frame, RECORD.tag);
  ciphertext.copy(frame, RECORD.ciphertext);
  const end = frame.length - RECORD.trailerLength;
  frame.writeUInt32BE(crc32(frame.subarray(0, end)), end);
  return frame;
}

/** Decrypts a frame whose checksums already passed; null when GCM authentication fails. */
export function decryptRecord(frame: Buffer, sessionId: string, key: SessionKey): Buffer | null {
  const end = frame.length - RECORD.trailerLength;
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key.key,
    frame.subarray(RECORD.iv, RECORD.iv + RECORD.ivLength),
  );
  decipher.setAAD(associatedData(frame, sessionId));
  decipher.setAuthTag(frame.subarray(RECORD.tag, RECORD.tag + RECORD.tagLength));
  try {
    return Buffer.concat([decipher.update(frame.subarray(RECORD.ciphertext, end)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Recomputes both crc32s of a frame; for tests that forge a frame whose checksums pass but whose content lies. */
export function resealChecksums(frame: Buffer): void {
  frame.writeUInt32BE(crc32(frame.subarray(0, RECORD.headCrc)), RECORD.headCrc);
  const end = frame.length - RECORD.trailerLength;
  frame.writeUInt32BE(crc32(frame.subarray(0, end)), end);
}
