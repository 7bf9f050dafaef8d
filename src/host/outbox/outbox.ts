/**
 * The persisted upload outbox: every closed result in the result store waits here until the results service
 * hands back a receipt that verifies with the pinned server key. The delivery state of each result is a
 * durable file (state-store.ts), so a restart — even in the middle of an upload — continues where it stopped;
 * sending a result twice is harmless because the service answers the same bytes with the same receipt.
 *
 * Uploads run one at a time (one attempt round at a time, results in closing order), with exponential backoff
 * and full jitter per result. A result is never deleted before delivery; a delivered one is removed (zeroed,
 * then unlinked) after the retention period.
 */
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { SignedResult } from '../../shared/result';
import { type OutboxState, type OutboxView, type ServiceLink } from '../../shared/results-service';
import { ResultStore } from '../result/store';
import { readServiceLink, serverPublicKey } from '../service-link/link-file';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { classifyUpload } from './classify';
import { defaultExportDir, ExportError, NOTHING_TO_EXPORT, writeResultsExport } from './export-writer';
import { OutboxMessageCode, outboxMessage } from './messages';
import { scanStore, sweepDelivered } from './scan';
import { realClock, type OutboxClock } from './clock';
import { OutboxStateStore } from './state-store';
import type { JournalRetention } from './journal-retention';
import { httpUpload, type UploadTransport } from './transport';
import { knownOf, toOutboxEntry, type Known } from './view';

export const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_RETENTION_DAYS = 30;

export interface OutboxOptions {
  dataDir: string;
  /** This device's id, for export files (which are written even before enrollment). */
  deviceId: string;
  backoff?: BackoffPolicy;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Overrides service.json's `retentionDays` (default 30). */
  retentionDays?: number;
  /** Where export files go (the entry point's LBT_EXPORT_DIR); default `<dataDir>/exports`. */
  exportDir?: string;
  /** False for the session still being closed or resumed: its stored record may yet be replaced. */
  isSettled?: (sessionId: string) => boolean;
  /**
   * The sittings' journals: each follows its delivered result out after `retentionDays` (journal-retention.ts).
   * Absent (the CLI's export), journals are left alone.
   */
  journals?: JournalRetention;
  clock?: OutboxClock;
  random?: () => number;
  transport?: UploadTransport;
  log?: (message: string, error?: unknown) => void;
}

export class Outbox {
  readonly results: ResultStore;
  readonly states: OutboxStateStore;
  private readonly known = new Map<string, Known>();
  private readonly unreadable = new Set<string>();
  /** What the retention sweep has logged this run: a kept journal is named once, not every round. */
  private readonly noted = new Set<string>();
  /** Per result, the last state write in flight: writes of one result land in the order they were asked. */
  private readonly writes = new Map<string, Promise<unknown>>();
  private enrolled = false;
  private readonly clock: OutboxClock;
  private readonly policy: BackoffPolicy;
  private readonly transport: UploadTransport;
  private readonly log: (message: string, error?: unknown) => void;
  private timer: unknown = null;
  private round: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly options: OutboxOptions) {
    this.results = ResultStore.inDataDir(options.dataDir);
    this.states = OutboxStateStore.inDataDir(options.dataDir);
    this.clock = options.clock ?? realClock;
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.transport = options.transport ?? httpUpload;
    this.log = options.log ?? (() => undefined);
  }

  /** Starts the first attempt round (results left from earlier runs go out right away). */
  start(): void {
    this.kick();
  }

  /** Asks for an attempt round now (a session just closed); rounds never overlap. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.round) {
      this.again = true;
      return this.round;
    }
    this.round = this.runRounds().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /** `outbox.retry`: every undelivered result is due now; resolves when that round is over. */
  async retry(): Promise<void> {
    await this.refresh();
    for (const known of this.known.values()) {
      if (known.state.state !== 'delivered') known.state = { ...known.state, nextAttemptAt: null };
    }
    await this.kick();
    // A round already running when retry was asked may have passed over some results: one more round.
    if (this.round) await this.round;
  }

  async view(): Promise<OutboxView> {
    await this.refresh();
    const link = await this.linkOrNull();
    const entries = [...this.known.values()]
      .sort(
        (a, b) =>
          a.summary.closedAt.localeCompare(b.summary.closedAt) || a.sessionId.localeCompare(b.sessionId),
      )
      .map((k) => toOutboxEntry(k, link === null));
    return {
      service: link ? { url: link.url, deviceId: link.deviceId, gemeente: link.gemeente } : null,
      entries,
    };
  }

  /** Writes every undelivered result to one export file and marks them `exported`. Throws ExportError. */
  async export(file?: string): Promise<{ file: string; count: number; view: OutboxView }> {
    await this.refresh();
    const pending: SignedResult[] = [];
    for (const known of this.known.values()) {
      if (known.state.state === 'delivered') continue;
      const envelope = await this.readEnvelope(known);
      if (envelope) pending.push(envelope);
    }
    if (pending.length === 0) throw new ExportError(NOTHING_TO_EXPORT, 'no undelivered results');
    pending.sort((a, b) => a.payload.resultId.localeCompare(b.payload.resultId));
    const now = this.clock.now();
    const dir = defaultExportDir(this.options.dataDir, this.options.exportDir);
    const written = await writeResultsExport({
      dir,
      createDir: dir === join(this.options.dataDir, 'exports'),
      deviceId: this.options.deviceId,
      results: pending,
      now,
      ...(file !== undefined ? { file } : {}),
    });
    const ids = new Set(pending.map((p) => p.payload.sessionId));
    for (const known of this.known.values()) {
      if (!ids.has(known.sessionId)) continue;
      // An upload that delivered it meanwhile wins: delivered is final.
      await this.save(known, (s) =>
        s.state === 'delivered' ? s : { ...s, state: 'exported', exportedAt: now.toISOString() },
      );
    }
    return { file: written, count: pending.length, view: await this.view() };
  }

  /** Stops the timer and waits for a round in flight; the state on disk is complete at every moment. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.round) await this.round.catch(() => undefined);
  }

  private async runRounds(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.runRound();
      } catch (error) {
        // A round that fails (e.g. the data dir became unreadable) must not end the outbox: the timer retries.
        this.log('outbox round failed', error);
      }
    } while (this.again && !this.closed);
    this.schedule();
  }

  private async runRound(): Promise<void> {
    await this.refresh();
    const link = await this.linkOrNull();
    this.enrolled = link !== null;
    if (link) {
      const key = serverPublicKey(link);
      const due = [...this.known.values()]
        .filter((k) => k.state.state !== 'delivered' && this.isDue(k) && this.settled(k.sessionId))
        .sort((a, b) => a.summary.closedAt.localeCompare(b.summary.closedAt));
      for (const known of due) {
        if (this.closed) return;
        await this.attempt(known, link, key);
      }
    }
    await this.sweepRetention(link);
  }

  private isDue(known: Known): boolean {
    const next = known.state.nextAttemptAt;
    return next === null || Date.parse(next) <= this.clock.now().getTime();
  }

  private settled(sessionId: string): boolean {
    return this.options.isSettled?.(sessionId) ?? true;
  }

  private async attempt(known: Known, link: ServiceLink, key: KeyObject): Promise<void> {
    const envelope = await this.readEnvelope(known);
    if (!envelope) return;
    const startedAt = this.clock.now();
    // Recorded before sending: a host that dies mid-upload still counts the attempt, so its backoff grows.
    await this.save(known, (s) => ({
      ...s,
      attempts: s.attempts + 1,
      lastAttemptAt: startedAt.toISOString(),
    }));
    const outcome = await this.transport(link, envelope, this.options.timeoutMs ?? 30_000);
    const verdict = classifyUpload(outcome, envelope, key);
    const now = this.clock.now();
    if (verdict.kind === 'delivered') {
      await this.save(known, (s) => ({
        ...s,
        state: 'delivered',
        nextAttemptAt: null,
        lastError: null,
        receipt: verdict.receipt,
        deliveredAt: now.toISOString(),
      }));
      return;
    }
    this.log(`upload of result ${envelope.payload.resultId} (session ${known.sessionId}): ${verdict.detail}`);
    // A refusal waits the longest interval: trying sooner cannot help, never trying would strand the result.
    const delay =
      verdict.kind === 'refused'
        ? this.policy.capMs
        : backoffDelay(known.state.attempts, this.policy, this.random);
    await this.save(known, (s) => ({
      ...s,
      nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      lastError: verdict.message,
    }));
  }

  private get random(): () => number {
    return this.options.random ?? Math.random;
  }

  /** The stored envelope, or null (logged) when it vanished or cannot be read; its state then starts afresh. */
  private async readEnvelope(known: Known): Promise<SignedResult | null> {
    let envelope: SignedResult | null;
    try {
      envelope = await this.results.read(known.sessionId);
    } catch (error) {
      this.log(`outbox: result of session ${known.sessionId} cannot be read`, error);
      // Looked at again at the longest interval (support may restore the file), not in a tight loop.
      known.state = {
        ...known.state,
        lastError: outboxMessage(OutboxMessageCode.unreadable),
        nextAttemptAt: new Date(this.clock.now().getTime() + this.policy.capMs).toISOString(),
      };
      return null;
    }
    if (!envelope) {
      this.known.delete(known.sessionId);
      return null;
    }
    if (envelope.payload.resultId !== known.state.resultId) {
      // The store replaced the record (a close that was never acknowledged, closed again): a new result.
      Object.assign(known, knownOf(known.sessionId, envelope));
    }
    return envelope;
  }

  /** Applies `update` to the latest state of the result, writes it durably, then makes it current. */
  private save(known: Known, update: (state: OutboxState) => OutboxState): Promise<void> {
    const previous = this.writes.get(known.sessionId) ?? Promise.resolve();
    const write = previous
      .catch(() => undefined)
      .then(async () => {
        const next = update(known.state);
        if (next === known.state) return;
        await this.states.write(next);
        known.state = next;
      });
    this.writes.set(known.sessionId, write);
    return write.finally(() => {
      if (this.writes.get(known.sessionId) === write) this.writes.delete(known.sessionId);
    });
  }

  /** Learns about results stored since the last look; reads each result file once. */
  private async refresh(): Promise<void> {
    await scanStore(this.results, this.states, this.known, this.unreadable, this.log);
  }

  /** Delivered results older than the retention are zeroed and removed with their journals; then their state. */
  private async sweepRetention(link: ServiceLink | null): Promise<void> {
    const days = this.options.retentionDays ?? link?.retentionDays ?? DEFAULT_RETENTION_DAYS;
    await sweepDelivered(
      this.results,
      this.states,
      this.known,
      this.clock.now().getTime() - days * DAY_MS,
      this.options.journals ?? null,
      (message) => {
        if (this.noted.has(message)) return;
        this.noted.add(message);
        this.log(`outbox: ${message}`);
      },
    );
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const now = this.clock.now().getTime();
    let next = Infinity;
    for (const known of this.known.values()) {
      // Not enrolled: nothing can be sent, so no tight loop; an unsettled session is sent when it closes.
      if (!this.enrolled || known.state.state === 'delivered' || !this.settled(known.sessionId)) continue;
      const at = known.state.nextAttemptAt === null ? now : Date.parse(known.state.nextAttemptAt);
      next = Math.min(next, at);
    }
    // Nothing due: still look again at the longest interval (a later enrollment, a retention that ends).
    const delay =
      next === Infinity ? this.policy.capMs : Math.max(0, Math.min(next - now, this.policy.capMs));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.kick();
    }, delay);
  }

  private async linkOrNull(): Promise<ServiceLink | null> {
    try {
      return await readServiceLink(this.options.dataDir);
    } catch (error) {
      this.log('outbox: service.json cannot be used', error);
      return null;
    }
  }
}
