/**
 * Start-of-day recovery for sittings: scans the journals (cutting torn tails, refusing corrupt files untouched),
 * folds the open journal with the shared reducer, resumes it in the session service and records the downtime
 * as `session.interrupted`, so it is never test time. Whatever happened is returned as a report for the afnemer.
 */
import { journalMessage, JournalMessageCode } from '../../shared/journal/messages';
import { formatIssues } from '../../shared/json';
import { isTampering, type JournalGood } from '../../shared/journal/recovery-report';
import type { SessionRecoveryReport } from '../../shared/result';
import {
  createSessionReducer,
  SessionEvent,
  type SessionContext,
  type SessionState,
} from '../../shared/session';
import { Journal, scanJournals } from '../journal';
import type { JournalKey } from '../keys/journal-key';
import { JournalEventSink } from './journal-sink';
import type { SessionService } from './session-service';

export interface RecoverSessionsOptions {
  journalsDir: string;
  journalKey: JournalKey;
  service: SessionService;
  content: SessionContext | null;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}

interface Candidate {
  scan: JournalGood;
  events: SessionEvent[];
  state: SessionState;
}

const NOT_RESUMED =
  'Een onderbroken sessie kon niet worden hervat. Het sessiebestand is onaangeroerd bewaard. Neem contact op met de technische ondersteuning.';

/** A report of a start-up that found no journals (also what a host without durable sessions answers). */
export function emptyRecoveryReport(at: Date): SessionRecoveryReport {
  return {
    schema: 'lbt.session-recovery/1',
    checkedAt: at.toISOString(),
    journals: 0,
    resumed: null,
    truncated: [],
    refused: [],
    notResumed: [],
    finished: [],
  };
}

export async function recoverSessions(options: RecoverSessionsOptions): Promise<SessionRecoveryReport> {
  const { journalKey, content, now } = options;
  const report = emptyRecoveryReport(now());
  const scans = await scanJournals(options.journalsDir, journalKey);
  report.journals = scans.length;
  const candidates: Candidate[] = [];
  for (const scan of scans) {
    if (scan.status === 'refused') {
      const tampering = isTampering(scan.reason);
      const code =
        scan.reason === 'wrong-key'
          ? JournalMessageCode.wrongKey
          : tampering
            ? JournalMessageCode.tampered
            : JournalMessageCode.refused;
      const { file, recordNumber, reason, detail } = scan;
      report.refused.push({ file, recordNumber, reason, detail, tampering, message: journalMessage(code) });
      continue;
    }
    if (scan.truncated) {
      report.truncated.push({
        file: scan.file,
        sessionId: scan.sessionId,
        ...scan.truncated,
        message: journalMessage(JournalMessageCode.tornTail),
      });
    }
    if (scan.status === 'closed') continue;
    const notResumed = (reason: SessionRecoveryReport['notResumed'][number]['reason'], detail: string) =>
      report.notResumed.push({
        file: scan.file,
        sessionId: scan.sessionId,
        reason,
        detail,
        message: NOT_RESUMED,
      });
    const parsed = SessionEvent.array().safeParse(scan.events);
    if (!parsed.success) {
      notResumed('does-not-fold', `not session events: ${formatIssues(parsed.error)}`);
      continue;
    }
    if (parsed.data.length === 0) {
      // The host died (or the disk was full) between creating the journal and storing `session.opened`.
      await finish(scan, 'empty', options, report);
      continue;
    }
    if (!content) {
      notResumed('no-package', 'no valid item package is loaded');
      continue;
    }
    const folded = createSessionReducer(content).fold(parsed.data);
    if (!folded.ok) {
      notResumed('does-not-fold', `event ${folded.index + 1}: ${folded.code}: ${folded.reason}`);
      continue;
    }
    if (folded.state.status === 'closed') {
      // `session.closed` was stored (its result before it) but the close record was not: add it now.
      await finish(scan, 'already-closed', options, report);
      continue;
    }
    candidates.push({ scan, events: parsed.data, state: folded.state });
  }
  // One sitting runs at a time, so more than one open sitting means an older one was left: resume the newest.
  candidates.sort((a, b) => a.scan.createdAtMs - b.scan.createdAtMs);
  const chosen = candidates.pop();
  for (const other of candidates) {
    report.notResumed.push({
      file: other.scan.file,
      sessionId: other.scan.sessionId,
      reason: 'another-session-open',
      detail: 'a newer open sitting was resumed instead',
      message: NOT_RESUMED,
    });
  }
  if (chosen) report.resumed = await resume(chosen, options, report);
  return report;
}

async function resume(
  chosen: Candidate,
  options: RecoverSessionsOptions,
  report: SessionRecoveryReport,
): Promise<SessionRecoveryReport['resumed']> {
  const { scan, events, state } = chosen;
  let sink: JournalEventSink;
  try {
    const { journal } = await Journal.open({ file: scan.file, journalKey: options.journalKey });
    sink = new JournalEventSink(journal, (error) => options.log?.(error.detail, error));
  } catch (error) {
    options.log?.(`cannot open ${scan.file} for resuming`, error);
    report.notResumed.push({
      file: scan.file,
      sessionId: scan.sessionId,
      reason: 'write-failed',
      detail: String((error as Error)?.message ?? error),
      message: NOT_RESUMED,
    });
    return null;
  }
  options.service.restore(events, sink, options.content!);
  const from = state.clock.lastAt!;
  const to = new Date(Math.max(options.now().getTime(), Date.parse(from))).toISOString();
  let interruption: { from: string; to: string } | null = { from, to };
  let message =
    'De onderbroken sessie is hervat op de plek waar ze was; alle bevestigde antwoorden zijn bewaard. ' +
    'De tijd dat het programma niet draaide telt niet als toetstijd.';
  try {
    await options.service.interrupt(from, to);
  } catch (error) {
    // The sitting is resumed all the same; the afnemer learns that the downtime was not recorded.
    options.log?.('cannot record the interruption', error);
    interruption = null;
    message = `De onderbroken sessie is hervat, maar de onderbreking kon niet worden vastgelegd: ${(error as Error).message}`;
  }
  const resumed = options.service.state()!;
  const phase = resumed.phase;
  return {
    sessionId: scan.sessionId,
    file: scan.file,
    events: events.length,
    interruption,
    phase: phase.kind,
    itemIndex: 'itemIndex' in phase ? phase.itemIndex : null,
    committed: resumed.counts.committed,
    message,
  };
}

async function finish(
  scan: JournalGood,
  why: 'empty' | 'already-closed',
  options: RecoverSessionsOptions,
  report: SessionRecoveryReport,
): Promise<void> {
  try {
    const { journal } = await Journal.open({ file: scan.file, journalKey: options.journalKey });
    try {
      await journal.close({ closedAt: options.now().toISOString(), by: 'recovery', why });
    } finally {
      await journal.release();
    }
    report.finished.push({ file: scan.file, sessionId: scan.sessionId, why });
  } catch (error) {
    options.log?.(`cannot close ${scan.file}`, error);
    report.notResumed.push({
      file: scan.file,
      sessionId: scan.sessionId,
      reason: 'write-failed',
      detail: String((error as Error)?.message ?? error),
      message: NOT_RESUMED,
    });
  }
}
