/**
 * Fills a results service with demo data through its real paths: enrolls demo kiosks with one-time codes (the
 * admin helper + POST /v1/devices/enroll), uploads device-signed results to POST /v1/results, and records the
 * planned leerroutes with the dashboard's own validation. Used by `lbt demo-data` and by the DUO test.
 */
import { generateKeyPairSync } from 'node:crypto';
import { keyIdOf, rawPublicKey, signerFromPrivateKey } from '../../host/signing';
import type { TestDefinition } from '../../shared/items';
import {
  DEVIATION_REASON_LABELS,
  type DeviationReason,
  type RecordLeerrouteRequest,
} from '../../shared/review';
import { inTwijfelzone, isConform, isHaalbaar, twijfelzoneAround } from '../../shared/scoring/rules';
import { issueEnrollmentCode } from '../../server/admin/enrollment-codes';
import { planDemo, prng, type PlannedResult } from '../../server/demo/plan';
import type { ServerDeps } from '../../server/deps';
import type { ScoringPackage } from '../../server/packages';
import { recordLeerroute } from '../../server/review/leerroute';
import { signedDemoResult, type DemoDevice } from './record';

const LOCATIONS = [
  'Stadskantoor',
  'Wijkcentrum Noord',
  'Bibliotheek Oost',
  'Taalhuis West',
  'Servicepunt Zuid',
];
/** Below the service's default per-device rate limit (600 a minute), so a demo never has to wait. */
const RESULTS_PER_DEVICE = 500;

export interface DemoOptions {
  url: string;
  deps: ServerDeps;
  pkg: ScoringPackage;
  gemeente: string;
  count: number;
  seed?: number;
  concurrency?: number;
  /** Progress lines (the CLI prints them; tests pass nothing). */
  log?: (line: string) => void;
}

export interface DemoSummary {
  devices: number;
  stored: number;
  duplicates: number;
  routes: number;
  resultIds: string[];
}

export async function enrollDemoDevice(
  url: string,
  deps: ServerDeps,
  gemeente: string,
  label: string,
): Promise<DemoDevice> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const keyId = keyIdOf(raw);
  const deviceId = `lbt-dev-${keyId.slice(0, 16)}`;
  const { code } = await issueEnrollmentCode(deps, { gemeente, label });
  const response = await fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId, keyId, publicKey: raw.toString('base64') }),
  });
  if (response.status !== 201)
    throw new Error(`Enrolling the demo kiosk failed: ${response.status} ${await response.text()}`);
  return { deviceId, signer: signerFromPrivateKey(privateKey) };
}

async function upload(url: string, body: string): Promise<'stored' | 'duplicate'> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${url}/v1/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (response.status === 201) return 'stored';
    if (response.status === 200) return 'duplicate';
    if (response.status === 429 && attempt < 10) {
      const wait = Number(response.headers.get('retry-after') ?? '5');
      await new Promise((done) => setTimeout(done, Math.max(1, wait) * 1000));
      continue;
    }
    throw new Error(`Upload refused: ${response.status} ${text.slice(0, 300)}`);
  }
}

/** A plausible reason for a route against the advice: upward for motivation or another test, downward for health. */
export function demoReason(
  plan: PlannedResult,
  definition: Pick<TestDefinition, 'cesuur' | 'twijfelzone'>,
  random: () => number,
): Pick<RecordLeerrouteRequest, 'reason' | 'explanation'> {
  const upward: DeviationReason[] = ['motivatie-opleiding', 'andere-toets', 'brede-intake'];
  const { cesuur, twijfelzone } = definition;
  if (inTwijfelzone(plan.raw, twijfelzoneAround(cesuur, twijfelzone))) upward.push('twijfelzone');
  const downward: DeviationReason[] = ['medisch', 'gezinssituatie', 'afnamecondities'];
  const list = isHaalbaar(plan.raw, cesuur) ? downward : upward;
  const reason = list[Math.floor(random() * list.length)]!;
  return {
    reason,
    explanation: `Demo: ${DEVIATION_REASON_LABELS[reason].toLowerCase()}; besproken met de kandidaat.`,
  };
}

export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const now = options.deps.now();
  const plan = planDemo({ count: options.count, seed: options.seed ?? 2023, end: now });
  const random = prng((options.seed ?? 2023) + 1);
  const deviceCount = Math.max(1, Math.ceil(plan.length / RESULTS_PER_DEVICE));
  const devices: DemoDevice[] = [];
  for (let i = 0; i < deviceCount; i++) {
    const label = `Demo-kiosk ${LOCATIONS[i % LOCATIONS.length]}${i >= LOCATIONS.length ? ` ${i + 1}` : ''}`;
    devices.push(await enrollDemoDevice(options.url, options.deps, options.gemeente, label));
  }
  options.log?.(
    `${deviceCount} demo kiosk(s) enrolled for ${options.gemeente}; uploading ${plan.length} results…`,
  );

  const summary: DemoSummary = { devices: deviceCount, stored: 0, duplicates: 0, routes: 0, resultIds: [] };
  const cesuur = options.pkg.definition.cesuur;
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      const item = plan[index]!;
      const device = devices[index % deviceCount]!;
      const signed = signedDemoResult(
        options.pkg,
        device,
        options.gemeente,
        item,
        random,
        `DEMO-${String(index + 1).padStart(5, '0')}`,
      );
      const outcome = await upload(options.url, JSON.stringify(signed));
      if (outcome === 'stored') summary.stored++;
      else summary.duplicates++;
      summary.resultIds[index] = signed.payload.resultId;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  options.log?.(`${summary.stored} results stored; recording the leerroutes…`);

  // All routes in one transaction: one commit (one fsync) instead of one per result, same validation.
  await options.deps.db.transaction().execute(async (trx) => {
    for (const [index, item] of plan.entries()) {
      if (item.route === 'onbekend') continue;
      const body: RecordLeerrouteRequest = {
        route: item.route,
        ...(isConform(item.route, item.raw, cesuur) ? {} : demoReason(item, options.pkg.definition, random)),
      };
      await recordLeerroute(
        trx,
        now,
        { username: 'demo-data', gemeente: options.gemeente },
        summary.resultIds[index]!,
        body,
      );
      summary.routes++;
    }
  });
  return summary;
}
