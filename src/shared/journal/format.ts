/**
 * The byte layout of a journal file (`<sessionId>.lbtj`), version 1. docs/JOURNAL.md draws it; these constants
 * are the single source for the writer, the reader and the tests. All integers are big-endian.
 */
import { z } from 'zod';

export const JOURNAL_EXTENSION = '.lbtj';
export const JOURNAL_FORMAT_VERSION = 1;

/** "LBTJ": the first four bytes of every journal file. */
export const FILE_MAGIC = new Uint8Array([0x4c, 0x42, 0x54, 0x4a]);

/** File header: magic, version, header length, createdAt, key check, session id, crc32. */
export const HEADER = {
  magic: 0,
  version: 4,
  headerLength: 6,
  createdAtMs: 8,
  keyCheck: 16,
  keyCheckLength: 16,
  sessionIdLength: 32,
  sessionId: 33,
  /** Fixed bytes besides the session id: 33 before it, 4 (crc32) after it. */
  fixedLength: 37,
} as const;

/** "LR": the first two bytes of every record frame, so a record start is never all zeros. */
export const RECORD_MARKER = new Uint8Array([0x4c, 0x52]);

/**
 * Record frame: a 52-byte head guarded by its own crc32 (so a length is trusted only when it was written
 * whole), then iv, GCM tag and ciphertext, then a crc32 over everything before it.
 */
export const RECORD = {
  marker: 0,
  type: 2,
  reserved: 3,
  /** Bytes from `iv` to the end of the ciphertext (12 + 16 + ciphertext length). */
  bodyLength: 4,
  seq: 8,
  prevHash: 16,
  headCrc: 48,
  headLength: 52,
  iv: 52,
  ivLength: 12,
  tag: 64,
  tagLength: 16,
  ciphertext: 80,
  trailerLength: 4,
} as const;

export const RecordType = { event: 1, close: 2 } as const;
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

/** No single event comes near this; a larger length in a head that passed its crc means a bug, not data. */
export const MAX_BODY_LENGTH = 16 * 1024 * 1024;

/** prevHash of record 1: 32 zero bytes. Every later prevHash is the sha256 of the previous frame's bytes. */
export const GENESIS_HASH = new Uint8Array(32);

/** Session ids become file names, so they are restricted to characters that are safe on every file system. */
export const JournalSessionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, dot, dash and underscore; at most 128');
export type JournalSessionId = z.infer<typeof JournalSessionId>;

/**
 * The head anchor (`<sessionId>.lbtj.anchor`): the record count and head hash, MACed with the session's anchor
 * key, rewritten after every append. A journal cut back at a record boundary is still a valid chain; only a
 * second, authenticated copy of where the head was can tell it from a journal that never grew (docs/JOURNAL.md).
 * Two slots, written alternately (record n goes to slot n % 2), so a torn anchor write leaves the other intact.
 */
export const ANCHOR_EXTENSION = '.anchor';
/** "LBTA": the first four bytes of every anchor slot. */
export const ANCHOR_MAGIC = new Uint8Array([0x4c, 0x42, 0x54, 0x41]);
export const ANCHOR = {
  magic: 0,
  version: 4,
  seq: 8,
  headHash: 16,
  /** HMAC-SHA256(anchor key, bytes 0 … 47 ‖ session id). */
  mac: 48,
  slotLength: 80,
  slots: 2,
} as const;
