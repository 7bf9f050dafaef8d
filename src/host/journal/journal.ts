/**
 * One session's append-only journal. `append` resolves only after the record is on disk (write + fdatasync),
 * so whoever awaits it may acknowledge the event. Appends are serialised: records never interleave.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GENESIS_HASH, JournalSessionId, RecordType } from '../../shared/journal/format';
import { isJsonValue, type JsonValue } from '../../shared/journal/json-value';
import type { JournalGood, Truncation } from '../../shared/journal/recovery-report';
import { fsyncDir, writeFileDurably } from '../keys/durable-fs';
import type { JournalKey, SessionKey } from '../keys/journal-key';
import { AnchorFile, anchorFileName } from './anchor';
import { encodeHeader, encodeRecord, prepareCipher, sha256, type PreparedCipher } from './codec';
import { JournalClosedError, JournalRefusedError, JournalUsageError, JournalWriteError } from './errors';
import { claim, isInUse, unclaim } from './in-use';
import { journalFileName, recoverJournal } from './recover';

export interface AppendReceipt {
  /** The record's sequence number (1 for the first record). */
  seq: number;
  /** sha256 (hex) of the record frame: the journal's head hash after this append. */
  hash: string;
}

export interface OpenedJournal {
  journal: Journal;
  /** The scan result the journal was opened from: committed events, close state, any truncation. */
  recovered: JournalGood;
  truncated: Truncation | null;
}

export class Journal {
  private queue: Promise<unknown> = Promise.resolve();
  /** A failed write may have left bytes past `length`; they are cut before the next write. */
  private dirty = false;
  /** An anchor write failed after its record was cut back: the anchor is set back before the next write. */
  private anchorDirty = false;
  private released = false;
  /** The next record's cipher, made while the previous append waited for the disk. */
  private prepared: PreparedCipher | null = null;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
    readonly sessionId: string,
    private readonly key: SessionKey,
    private length: number,
    private seq: number,
    private head: Buffer,
    private isClosed: boolean,
    private readonly anchor: AnchorFile,
  ) {}

  /** Creates `<dir>/<sessionId>.lbtj`. The header appears atomically (temp file, fsync, link, dir fsync). */
  static async create(options: {
    dir: string;
    sessionId: string;
    journalKey: JournalKey;
    now?: () => number;
  }) {
    const { dir, sessionId, journalKey } = options;
    if (!JournalSessionId.safeParse(sessionId).success) {
      throw new JournalUsageError(`not a usable session id for a journal: ${JSON.stringify(sessionId)}`);
    }
    const file = join(dir, journalFileName(sessionId));
    const key = journalKey.forSession(sessionId);
    const header = encodeHeader(sessionId, (options.now ?? Date.now)(), key.keyCheck);
    if (!claim(file)) throw new JournalUsageError(`${file} is already open for appending in this process`);
    let handle: FileHandle;
    let anchor: AnchorFile;
    try {
      // Directories made just now must survive a crash too: fsync each new entry's parent.
      const made = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      for (let d = dir; made !== undefined; d = dirname(d)) {
        await fsyncDir(dirname(d));
        if (d === made) break;
      }
      if (
        await fs.stat(file).then(
          () => true,
          () => false,
        )
      )
        throw new JournalUsageError(`a journal for session ${sessionId} already exists: ${file}`);
      // The anchor first: a journal without its anchor is refused as tampering, never the other way round.
      anchor = await AnchorFile.create(file, sessionId, key, { seq: 0, hash: Buffer.from(GENESIS_HASH) });
      const outcome = await writeFileDurably(file, header, { mode: 0o600, exclusive: true }).catch(
        async (error: unknown) => {
          // No journal, so no anchor either: a full disk must not leave half a sitting behind.
          await anchor.close();
          await fs.rm(anchorFileName(file), { force: true });
          throw error;
        },
      );
      if (outcome === 'exists') {
        await anchor.close();
        throw new JournalUsageError(`a journal for session ${sessionId} already exists: ${file}`);
      }
      handle = await fs.open(file, 'r+');
    } catch (error) {
      unclaim(file);
      if (error instanceof JournalUsageError) throw error;
      throw JournalWriteError.from(error, file, 'create');
    }
    return new Journal(
      handle,
      file,
      sessionId,
      key,
      header.length,
      0,
      Buffer.from(GENESIS_HASH),
      false,
      anchor,
    );
  }

  /**
   * Opens an existing journal for resuming: recovers it (a torn tail is cut and reported) and positions after
   * the last committed record. Throws JournalRefusedError for corruption before the end or a wrong key.
   */
  static async open(options: { file: string; journalKey: JournalKey }): Promise<OpenedJournal> {
    if (isInUse(options.file)) {
      throw new JournalUsageError(`${options.file} is already open for appending in this process`);
    }
    const recovered = await recoverJournal(options.file, options.journalKey);
    if (recovered.status === 'refused') throw new JournalRefusedError(recovered);
    if (!claim(options.file))
      throw new JournalUsageError(`${options.file} is already open for appending in this process`);
    const key = options.journalKey.forSession(recovered.sessionId);
    let handle: FileHandle;
    let length: number;
    let anchor: AnchorFile;
    try {
      handle = await fs.open(options.file, 'r+');
      length = (await handle.stat()).size;
      // A record written just before a crash, after its anchor was not, is adopted here: the anchor catches up.
      const point = { seq: recovered.records, hash: Buffer.from(recovered.headHash, 'hex') };
      anchor = await AnchorFile.open(options.file, recovered.sessionId, key, point).catch(
        async (error: unknown) => {
          await handle.close();
          throw error;
        },
      );
    } catch (error) {
      unclaim(options.file);
      throw JournalWriteError.from(error, options.file, 'recover');
    }
    const journal = new Journal(
      handle,
      options.file,
      recovered.sessionId,
      key,
      length,
      recovered.records,
      Buffer.from(recovered.headHash, 'hex'),
      recovered.status === 'closed',
      anchor,
    );
    return { journal, recovered, truncated: recovered.truncated };
  }

  /** Writes one event and fsyncs it; resolves when it is durable. Throws JournalWriteError, losing nothing. */
  append(event: JsonValue): Promise<AppendReceipt> {
    return this.enqueue(() => this.write(RecordType.event, event));
  }

  /** Writes the close record: the session is finished and no event may follow. */
  close(info: JsonValue = null): Promise<AppendReceipt> {
    return this.enqueue(() => this.write(RecordType.close, info));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Records written so far, the close record included. */
  get records(): number {
    return this.seq;
  }

  /** sha256 (hex) of the last record, or of the genesis constant before the first. */
  get headHash(): string {
    return this.head.toString('hex');
  }

  /** Releases the file descriptor after pending appends settle. The file stays as it is (open or closed). */
  async release(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.released) return;
    this.released = true;
    try {
      await Promise.all([this.handle.close(), this.anchor.close()]);
    } finally {
      unclaim(this.file);
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async write(type: RecordType, value: JsonValue): Promise<AppendReceipt> {
    if (this.released) throw new JournalClosedError(`journal ${this.file} was released`);
    if (this.isClosed) throw new JournalClosedError(`journal ${this.file} is closed; no event may follow`);
    if (!isJsonValue(value))
      throw new TypeError('a journal event must be a plain JSON value (no NaN, no undefined)');
    if (this.dirty) await this.cutBack('repair');
    if (this.anchorDirty) await this.resetAnchor();

    const seq = this.seq + 1;
    const frame = encodeRecord({
      type,
      seq,
      prevHash: this.head,
      plaintext: Buffer.from(JSON.stringify(value), 'utf8'),
      sessionId: this.sessionId,
      key: this.key,
      prepared: this.takePreparedCipher(),
    });
    let frameHash: Buffer;
    try {
      // Positional writes at `length`: a short write (nearly full disk) continues where it stopped.
      let written = 0;
      while (written < frame.length) {
        const { bytesWritten } = await this.handle.write(
          frame,
          written,
          frame.length - written,
          this.length + written,
        );
        written += bytesWritten;
      }
      const synced = this.handle.datasync();
      try {
        // CPU work for later, done while the disk works: the chain hash (used only if the sync succeeds) and
        // the next record's cipher.
        frameHash = sha256(frame);
        this.prepared = prepareCipher(this.key);
      } finally {
        await synced;
      }
    } catch (error) {
      this.dirty = true;
      await this.cutBack('append').catch(() => undefined); // If this fails too, the next write retries it first.
      throw JournalWriteError.from(error, this.file, 'append');
    }
    try {
      // Only after the record is durable: an anchor ahead of its journal would look like a rollback.
      await this.anchor.advance({ seq, hash: frameHash });
    } catch (error) {
      // Not acknowledged, so the record must not stay: cut it, and set the anchor back (its slot may be torn).
      this.dirty = true;
      this.anchorDirty = true;
      await this.cutBack('append').catch(() => undefined);
      await this.resetAnchor().catch(() => undefined);
      throw JournalWriteError.from(error, this.file, 'append');
    }
    this.length += frame.length;
    this.seq = seq;
    this.head = frameHash;
    if (type === RecordType.close) this.isClosed = true;
    return { seq, hash: this.headHash };
  }

  private takePreparedCipher(): PreparedCipher {
    const prepared = this.prepared ?? prepareCipher(this.key);
    this.prepared = null; // never used twice, whatever happens to this write
    return prepared;
  }

  private async resetAnchor(): Promise<void> {
    try {
      await this.anchor.reset({ seq: this.seq, hash: this.head });
      this.anchorDirty = false;
    } catch (error) {
      throw JournalWriteError.from(error, this.file, 'repair');
    }
  }

  /** Cuts the file back to its last complete record, so no half record is ever left for the next write to follow. */
  private async cutBack(phase: 'append' | 'repair'): Promise<void> {
    try {
      await this.handle.truncate(this.length);
      await this.handle.datasync();
      this.dirty = false;
    } catch (error) {
      throw JournalWriteError.from(error, this.file, phase);
    }
  }
}
