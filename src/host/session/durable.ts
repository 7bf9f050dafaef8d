/**
 * Durable sittings for a shell: the journal key and device identity from the key provider, a session service
 * whose every event is journaled (append + fdatasync) before it is acknowledged, recovery of an interrupted
 * sitting at start, and the signed result record stored before `session.closed` is journaled.
 */
import { join } from 'node:path';
import type { DeviceConditions } from '../../shared/device';
import type { SessionRecoveryReport } from '../../shared/result';
import type { SessionContext } from '../../shared/session';
import { loadDeviceIdentity, type DeviceIdentity } from '../identity';
import type { KeyProvider } from '../keys/key-provider';
import { loadJournalKey, type JournalKey } from '../keys/journal-key';
import { buildResultRecord } from '../result/build';
import { signResult } from '../result/sign';
import { ResultStore, ResultWriteError } from '../result/store';
import { Rejected } from '../router';
import { JournalEventSink } from './journal-sink';
import { recoverSessions } from './recover-sessions';
import { createSessionService, type SessionService } from './session-service';

export const JOURNALS_DIR = 'journals';

export interface DurableSessionsOptions {
  dataDir: string;
  provider: KeyProvider;
  /** The package content sittings run on; null while no valid package is loaded. */
  content: () => SessionContext | null;
  /** The device conditions the afnemer confirmed (DeviceService.current), copied into each result. */
  device?: () => DeviceConditions | null;
  now?: () => Date;
  /** A demonstration host: every sitting is marked demo (session-service.ts). */
  demo?: () => boolean;
  /** Technical details (file, errno) for the log; the afnemer gets the Dutch message. */
  log?: (message: string, error?: unknown) => void;
}

export interface DurableSessions {
  service: SessionService;
  /** What recovery found and did at start; fixed for this host run. */
  recovery: SessionRecoveryReport;
  results: ResultStore;
  identity: DeviceIdentity;
  journalsDir: string;
  /** Verifies the journals: the outbox's retention sweep ties each to its delivered result with it. */
  journalKey: JournalKey;
}

export async function openDurableSessions(options: DurableSessionsOptions): Promise<DurableSessions> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  // Recovery comes before any journal is opened for appending (docs/JOURNAL.md).
  const journalKey = await loadJournalKey(options.dataDir, options.provider);
  const identity = await loadDeviceIdentity(options.dataDir, options.provider);
  const journalsDir = join(options.dataDir, JOURNALS_DIR);
  const results = ResultStore.inDataDir(options.dataDir);

  const service = createSessionService({
    content: options.content,
    now,
    ...(options.demo ? { demo: options.demo } : {}),
    openSink: (sessionId) =>
      JournalEventSink.create(journalsDir, sessionId, journalKey, (error) => log(error.detail, error)),
    onError: (error) => log('session store', error),
    async onClosing({ state, context, sink }) {
      const position = sink.position?.();
      if (!position) throw new Error('the session store cannot name its head hash');
      const record = buildResultRecord({
        state,
        context,
        deviceId: identity.deviceId,
        device: options.device?.() ?? null,
        journal: position,
        now: now(),
      });
      try {
        await results.write(signResult(record, identity));
      } catch (error) {
        if (!(error instanceof ResultWriteError)) throw error;
        log(error.detail, error);
        throw new Rejected(error.message, { cause: error });
      }
    },
  });

  const recovery = await recoverSessions({
    journalsDir,
    journalKey,
    service,
    content: options.content(),
    now,
    log,
  });
  return { service, recovery, results, identity, journalsDir, journalKey };
}
