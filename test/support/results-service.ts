/**
 * Fixtures for the results service: a scoring package (the mini package of the session tests), device key
 * pairs, enrollment through the real HTTP route, and realistic device-signed result records. Shared by the
 * server unit tests, the fuzz suite, the bench and the upload fault suite.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { keyIdOf, rawPublicKey, signerFromPrivateKey, type Ed25519Signer } from '../../src/host/signing';
import { signResult } from '../../src/host/result/sign';
import { ResultRecord, RESULT_SCHEMA, type SignedResult } from '../../src/shared/result';
import {
  deviceRequestText,
  DEVICE_HEADER,
  EnrollResponse,
  SIGNATURE_HEADER,
  TIME_HEADER,
} from '../../src/shared/results-service';
import { scoreResponses, SCORING_VERSION } from '../../src/shared/scoring';
import type { Response } from '../../src/shared/items';
import { issueEnrollmentCode } from '../../src/server/admin/enrollment-codes';
import type { ServerDeps } from '../../src/server/deps';
import type { ScoringPackage } from '../../src/server/packages';
import { definition, items, keys, PACKAGE_HASH, wrong } from './session-fixture';

export const testPackage: ScoringPackage = { packageHash: PACKAGE_HASH, definition: definition(), items };

export interface TestDevice {
  deviceId: string;
  keyId: string;
  /** base64 raw public key, as enrollment sends it. */
  publicKey: string;
  signer: Ed25519Signer;
  /** Signs the roster-request headers. */
  requestHeaders(method: string, path: string, time: Date): Record<string, string>;
}

export function newDevice(): TestDevice {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const keyId = keyIdOf(raw);
  const deviceId = `lbt-dev-${keyId.slice(0, 16)}`;
  return {
    deviceId,
    keyId,
    publicKey: raw.toString('base64'),
    signer: signerFromPrivateKey(privateKey),
    requestHeaders(method, path, time) {
      const at = time.toISOString();
      const text = new TextEncoder().encode(deviceRequestText(method, path, at));
      return {
        [DEVICE_HEADER]: deviceId,
        [TIME_HEADER]: at,
        [SIGNATURE_HEADER]: sign(null, text, privateKey).toString('base64'),
      };
    },
  };
}

/** Issues a code with the admin module and redeems it over HTTP, as `lbt devices enroll` + a kiosk would. */
export async function enrollDevice(
  url: string,
  deps: ServerDeps,
  device: TestDevice,
  gemeente = 'Utrecht',
): Promise<EnrollResponse> {
  const { code } = await issueEnrollmentCode(deps, { gemeente, label: `kiosk ${device.deviceId}` });
  const response = await fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code,
      deviceId: device.deviceId,
      keyId: device.keyId,
      publicKey: device.publicKey,
    }),
  });
  if (response.status !== 201) throw new Error(`enroll failed: ${response.status} ${await response.text()}`);
  return EnrollResponse.parse(await response.json());
}

export interface ResultOptions {
  gemeente?: string;
  candidateRef?: string;
  answers?: Record<string, Response | null>;
  /** The cesuur the device claims to have scored with (a tampered kiosk); default the definition's. */
  claimedCesuur?: number;
  /** Overrides the device's claimed raw score (to provoke a score mismatch). */
  claimedRaw?: number;
  packageHash?: string;
  at?: Date;
  interpreter?: boolean;
  /** A demonstration sitting (`--demo`), which the service refuses. */
  demo?: boolean;
  /** Another package than the mini one (e.g. the repository's items/); answers default to all its keys. */
  pkg?: ScoringPackage;
}

/**
 * A result record as the host builds it (src/host/result/build.ts) for a completed sitting on the mini
 * package: w1 and w2 right (w2 with a mouse), z1 and z2 wrong, one focus loss; parsed with the real schema.
 */
export function resultRecord(device: TestDevice, options: ResultOptions = {}): ResultRecord {
  const pkg = options.pkg ?? testPackage;
  const answers =
    options.answers ??
    (options.pkg
      ? Object.fromEntries(pkg.items.map((i) => [i.id, i.key]))
      : { ...keys, z1: wrong.z1!, z2: wrong.z2! });
  const def = pkg.definition;
  const byId = new Map(pkg.items.map((i) => [i.id, i]));
  const scoredItems = def.items.map((id) => byId.get(id)!);
  const score = scoreResponses(
    def,
    pkg.items,
    answers,
    options.claimedCesuur === undefined ? {} : { cesuur: options.claimedCesuur },
  );
  const start = (options.at ?? new Date('2026-03-02T09:00:00.000Z')).getTime();
  const iso = (ms: number) => new Date(start + ms).toISOString();
  const recordItems = scoredItems.map((item, i) => {
    const response = answers[item.id] ?? null;
    const scored = score.items[i]!;
    return {
      itemId: item.id,
      family: item.family,
      response,
      answered: scored.answered,
      correct: scored.correct,
      responseMs: response ? 2000 + i * 500 : null,
      inputTypes: response ? (item.id === 'w2' ? ['touch', 'mouse'] : ['touch']) : [],
      changes: 1,
      voorbeeldReplays: 0,
      audioPlays: 1,
      fast: false,
    };
  });
  return ResultRecord.parse({
    schema: RESULT_SCHEMA,
    resultId: uuidv7(),
    createdAt: iso(36_000),
    status: 'completed',
    demo: options.demo ?? false,
    sessionId: crypto.randomUUID(),
    deviceId: device.deviceId,
    afnemerId: 'AFN-20417',
    closedBy: 'AFN-20417',
    candidateRef: options.candidateRef ?? 'K-2026-0042',
    gemeente: options.gemeente ?? 'Utrecht',
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    package: {
      packageId: options.pkg ? 'lbt-items' : 'mini-pkg',
      packageHash: options.packageHash ?? pkg.packageHash,
      definitionId: def.id,
      definitionVersion: def.version,
    },
    scoring: {
      scoringVersion: SCORING_VERSION,
      cesuur: score.cesuur,
      raw: options.claimedRaw ?? score.raw,
      max: score.max,
      outcome: score.outcome,
      twijfelzone: score.twijfelzone,
      unanswered: score.unanswered,
    },
    items: recordItems,
    timing: {
      openedAt: iso(2000),
      endedAt: iso(34_000),
      closedAt: iso(35_000),
      activeMs: 31_000,
      pausedMs: 1000,
      interruptedMs: 0,
      pauses: [{ reason: 'focus-lost', from: iso(22_000), to: iso(23_000) }],
      interruptions: [],
      abort: null,
    },
    afnamecondities: {
      session: {
        shell: 'chromium',
        lockdown: 'reduced',
        device: {
          kind: 'touch-laptop',
          touch: true,
          screen: { widthPx: 1920, heightPx: 1080, scaleFactor: 1 },
        },
        ...(options.interpreter !== undefined ? { instruction: { interpreter: options.interpreter } } : {}),
        preparation: { practicedBefore: 'no' },
      },
      device: null,
      displayChanges: [],
    },
    validity: {
      mouseUsed: true,
      focusLost: true,
      focusLostCount: 1,
      interrupted: false,
      interruptions: 0,
      displayChanges: 0,
      displayOutOfPolicy: 0,
      unansweredItems: recordItems.filter((i) => !i.answered).map((i) => i.itemId),
      fastAnswers: [],
      fastAnswerMs: def.timePolicy.fastAnswerMs,
      longIdles: 0,
    },
    journal: { headHash: 'f'.repeat(64), records: 33 },
  });
}

export function signedResult(device: TestDevice, options: ResultOptions = {}): SignedResult {
  return signResult(resultRecord(device, options), device.signer);
}

export async function postResult(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/v1/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { code?: string },
  };
}
