import { errnoCode, errnoKind } from '../../shared/errors/errno';
import { journalMessage, JournalMessageCode } from '../../shared/journal/messages';
import type { JournalRefusal } from '../../shared/journal/recovery-report';

export type JournalWriteKind = 'disk-full' | 'read-only' | 'io-error';

/**
 * A write to the journal failed (disk full, read-only, I/O error). Nothing half-written is left behind: the file
 * was cut back to its last complete record, so the journal is still usable once the cause is fixed.
 * `message` is the Dutch text for the afnemer, ending in its code; `detail` is for the log.
 */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
  constructor(
    readonly kind: JournalWriteKind,
    readonly code: JournalMessageCode,
    readonly errno: string,
    readonly file: string,
    readonly phase: 'create' | 'append' | 'repair' | 'recover',
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(journalMessage(code), options);
  }

  static from(error: unknown, file: string, phase: JournalWriteError['phase']): JournalWriteError {
    if (error instanceof JournalWriteError) return error;
    const errno = errnoCode(error);
    const detail = `${phase} ${file}: ${(error as Error)?.message ?? String(error)}`;
    const kind = errnoKind(errno);
    if (kind === 'disk-full') {
      return new JournalWriteError('disk-full', JournalMessageCode.diskFull, errno, file, phase, detail, {
        cause: error,
      });
    }
    if (kind === 'read-only') {
      return new JournalWriteError('read-only', JournalMessageCode.readOnly, errno, file, phase, detail, {
        cause: error,
      });
    }
    return new JournalWriteError('io-error', JournalMessageCode.ioError, errno, file, phase, detail, {
      cause: error,
    });
  }
}

/** Opening a journal that recovery refused: corruption before its end, or a key that does not fit. */
export class JournalRefusedError extends Error {
  override readonly name = 'JournalRefusedError';
  readonly code: JournalMessageCode;
  constructor(readonly refusal: JournalRefusal) {
    const code = refusal.reason === 'wrong-key' ? JournalMessageCode.wrongKey : JournalMessageCode.refused;
    super(
      `${journalMessage(code)} [${refusal.file}, record ${refusal.recordNumber}: ${refusal.reason}: ${refusal.detail}]`,
    );
    this.code = code;
  }
}

/** An append after the close record, or after `release()`: a programming error, not a disk problem. */
export class JournalClosedError extends Error {
  override readonly name = 'JournalClosedError';
}

/** A session id that cannot be a journal name, or a journal that already exists for it. */
export class JournalUsageError extends Error {
  override readonly name = 'JournalUsageError';
}
