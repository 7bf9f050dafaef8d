/**
 * Kiosk data dirs for the outbox tests: a real device identity (file key provider), real signed results in the
 * real result store, and a server key pair for receipts. The scripted transport below stands in for the
 * network only in the state-machine tests; delivery itself is proven against the real service in
 * integration.test.ts.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDeviceIdentity, type DeviceIdentity } from '../../src/host/identity';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import type { OutboxClock } from '../../src/host/outbox';
import { payloadHashOf } from '../../src/host/outbox';
import { signResult } from '../../src/host/result/sign';
import { ResultStore } from '../../src/host/result/store';
import type { HttpOutcome } from '../../src/host/service-link/http';
import { writeServiceLink } from '../../src/host/service-link/link-file';
import {
  keyIdOf,
  rawPublicKey,
  signerFromPrivateKey,
  signJson,
  type Ed25519Signer,
} from '../../src/host/signing';
import type { SignedResult } from '../../src/shared/result';
import {
  RECEIPT_SCHEMA,
  SERVICE_LINK_SCHEMA,
  type IngestResponse,
  type Receipt,
  type ServerKey,
} from '../../src/shared/results-service';
import { resultRecord, type ResultOptions, type TestDevice } from './results-service';

export interface Kiosk {
  dataDir: string;
  identity: DeviceIdentity;
}

export async function newKiosk(): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lbt-outbox-'));
  return { dataDir, identity: await loadDeviceIdentity(dataDir, await FileKeyProvider.open(dataDir)) };
}

/** A result as the host stores it when a sitting closes: built, signed with the device key, written durably. */
export async function storeResult(kiosk: Kiosk, options: ResultOptions = {}): Promise<SignedResult> {
  // resultRecord only reads the device id; the signature is the kiosk identity's own.
  const record = resultRecord({ deviceId: kiosk.identity.deviceId } as TestDevice, options);
  const envelope = signResult(record, kiosk.identity);
  await ResultStore.inDataDir(kiosk.dataDir).write(envelope);
  return envelope;
}

export interface ServerKeys {
  signer: Ed25519Signer;
  serverKey: ServerKey;
}

export function newServerKeys(): ServerKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    signer: signerFromPrivateKey(privateKey),
    serverKey: { keyId: keyIdOf(raw), publicKey: raw.toString('base64') },
  };
}

export async function linkTo(kiosk: Kiosk, keys: ServerKeys, url = 'http://127.0.0.1:9'): Promise<void> {
  await writeServiceLink(kiosk.dataDir, {
    schema: SERVICE_LINK_SCHEMA,
    url,
    deviceId: kiosk.identity.deviceId,
    gemeente: 'Utrecht',
    serverKey: keys.serverKey,
    enrolledAt: '2026-03-01T08:00:00.000Z',
  });
}

/** An ingest answer for `envelope`, signed by `signer`; `change` edits the receipt facts before signing. */
export function ingestAnswer(
  envelope: SignedResult,
  signer: Ed25519Signer,
  change: (receipt: Receipt) => Receipt = (r) => r,
): IngestResponse {
  const receipt = change({
    schema: RECEIPT_SCHEMA,
    resultId: envelope.payload.resultId,
    deviceId: envelope.payload.deviceId,
    payloadHash: payloadHashOf(envelope),
    storedAt: '2026-03-02T10:00:00.000Z',
  });
  return { receipt: signJson(receipt, signer), duplicate: false, flags: [] };
}

export const answer = (status: number, body: unknown = null): HttpOutcome => ({
  kind: 'answer',
  status,
  body,
  problem: null,
});

/** A clock and timer queue the test moves by hand: no sleeping, no wall-clock assertions. */
export class FakeClock implements OutboxClock {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(public time = Date.parse('2026-03-02T10:00:00.000Z')) {}
  now = () => new Date(this.time);
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  /** The delay of the earliest pending timer, or null. */
  nextDelay(): number | null {
    if (this.timers.length === 0) return null;
    return Math.min(...this.timers.map((t) => t.at)) - this.time;
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.run();
  }
}
