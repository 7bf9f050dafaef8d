/**
 * The kiosks of the upload fault suite: each a real data dir with its own device identity, enrolled with the
 * service through the real enrollment route, then pointed at the fault proxy; its outbox is the real one,
 * with short backoff so a run takes seconds, and retention 0 so a delivered result leaves the kiosk at once.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDeviceIdentity, type DeviceIdentity } from '../../../src/host/identity';
import { FileKeyProvider } from '../../../src/host/keys/file-key-provider';
import { Outbox } from '../../../src/host/outbox';
import { payloadHashOf } from '../../../src/host/outbox/receipt-check';
import { signResult } from '../../../src/host/result/sign';
import { ResultStore } from '../../../src/host/result/store';
import { enrollDevice } from '../../../src/host/service-link/enroll';
import { readServiceLink, writeServiceLink } from '../../../src/host/service-link/link-file';
import type { Response } from '../../../src/shared/items';
import { resultRecord, type TestDevice } from '../../support/results-service';
import { keys, wrong } from '../../support/session-fixture';
import type { Rng } from '../rng';

export const SUITE_BACKOFF = { baseMs: 20, capMs: 400 };
export const SUITE_TIMEOUT_MS = 800;

export class SuiteKiosk {
  outbox: Outbox;
  restarts = 0;
  private constructor(
    readonly dataDir: string,
    readonly identity: DeviceIdentity,
    private readonly rng: Rng,
  ) {
    this.outbox = this.newOutbox();
  }

  static async create(serviceUrl: string, proxyUrl: string, code: string, rng: Rng): Promise<SuiteKiosk> {
    const dataDir = mkdtempSync(join(tmpdir(), 'lbt-upload-kiosk-'));
    const identity = await loadDeviceIdentity(dataDir, await FileKeyProvider.open(dataDir));
    await enrollDevice({ dataDir, serverUrl: serviceUrl, code });
    // From now on every upload goes through the fault proxy.
    const link = (await readServiceLink(dataDir))!;
    await writeServiceLink(dataDir, { ...link, url: proxyUrl });
    return new SuiteKiosk(dataDir, identity, rng);
  }

  private newOutbox(): Outbox {
    return new Outbox({
      dataDir: this.dataDir,
      deviceId: this.identity.deviceId,
      backoff: SUITE_BACKOFF,
      timeoutMs: SUITE_TIMEOUT_MS,
      retentionDays: 0,
      random: () => this.rng.next(),
      log: () => undefined,
    });
  }

  /** A sitting closes: a distinct, device-signed result is stored durably, then the outbox is asked to send. */
  async closeSitting(): Promise<{ resultId: string; payloadHash: string }> {
    const answers: Record<string, Response | null> = {};
    for (const id of Object.keys(keys)) answers[id] = this.rng.pick([keys[id]!, wrong[id] ?? null, null]);
    const record = resultRecord({ deviceId: this.identity.deviceId } as TestDevice, {
      answers,
      candidateRef: `K-${this.rng.int(1000, 9999)}-${this.rng.int(1, 999)}`,
    });
    const envelope = signResult(record, this.identity);
    await ResultStore.inDataDir(this.dataDir).write(envelope);
    void this.outbox.kick();
    return { resultId: record.resultId, payloadHash: payloadHashOf(envelope) };
  }

  /** The kiosk restarts: the old outbox stops after its attempt in flight, a new one reads the state from disk. */
  async restart(): Promise<void> {
    await this.outbox.close();
    this.outbox = this.newOutbox();
    this.restarts += 1;
    void this.outbox.kick();
  }

  /** Results still on the kiosk and state files still in its outbox (both must end at 0). */
  leftOver(): { results: number; states: number } {
    const count = (dir: string) => {
      try {
        return readdirSync(join(this.dataDir, dir)).filter((n) => n.endsWith('.json')).length;
      } catch {
        return 0;
      }
    };
    return { results: count('results'), states: count('outbox') };
  }
}
