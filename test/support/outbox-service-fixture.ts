/**
 * The real results service for the outbox's integration tests: real HTTP on 127.0.0.1 and a real SQLite file,
 * restartable on the same port and data dir (the kiosk's service.json names that URL).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueEnrollmentCode } from '../../src/server/admin/enrollment-codes';
import type { ServiceDeps } from '../../src/server/service-deps';
import { startResultsService, type RunningService } from '../../src/server/start';
import { enrollDevice } from '../../src/host/service-link/enroll';
import { testPackage } from './results-service';
import type { Kiosk } from './outbox-fixture';

export class LiveService {
  running: RunningService | null = null;
  port = 0;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'lbt-outbox-service-'));

  async start(): Promise<this> {
    this.running = await startResultsService({
      dataDir: this.dataDir,
      port: this.port,
      packages: [testPackage],
      logLevel: 'silent',
      databaseUrl: '',
      rateLimit: { max: 100_000, timeWindowMs: 60_000 },
    });
    this.port = this.running.port;
    return this;
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get deps(): ServiceDeps {
    if (!this.running) throw new Error('the service is not running');
    return this.running.deps as ServiceDeps;
  }

  async code(gemeente = 'Utrecht'): Promise<string> {
    return (await issueEnrollmentCode(this.deps, { gemeente })).code;
  }

  /** Enrolls the kiosk the way `lbt kiosk enroll` does. */
  async enroll(kiosk: Kiosk): Promise<void> {
    await enrollDevice({ dataDir: kiosk.dataDir, serverUrl: this.url, code: await this.code() });
  }

  /** How many rows the service holds under this result id (must end at exactly 1). */
  async stored(resultId: string): Promise<number> {
    const rows = await this.deps.db
      .selectFrom('results')
      .select('result_id')
      .where('result_id', '=', resultId)
      .execute();
    return rows.length;
  }
}
