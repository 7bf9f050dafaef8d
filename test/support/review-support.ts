/**
 * The review tests' service: the real results service on 127.0.0.1 with the repository's 40-item package (so
 * scores run 0-40), SQLite or a fresh PostgreSQL database, a hand-moved clock, and a small HTTP client with a
 * cookie jar that logs in the way the dashboard does (session -> pre-session CSRF token -> login).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackage } from '../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../src/host/items/trust';
import { paths } from '../../src/host/paths';
import { enrollDemoDevice } from '../../src/cli/demo/run';
import { signedDemoResult, type DemoDevice } from '../../src/cli/demo/record';
import { prng, type PlannedResult } from '../../src/server/demo/plan';
import type { ScoringPackage } from '../../src/server/packages';
import { recordLeerroute } from '../../src/server/review/leerroute';
import { hashPassword } from '../../src/server/review/passwords';
import { createUser } from '../../src/server/review/users';
import { startResultsService, type RunningService } from '../../src/server/start';
import type { RecordLeerrouteRequest, RouteKey } from '../../src/shared/review';
import { operationalPackageDir } from './operational-package';
import { freshPostgresDatabase } from './postgres';
import { SimulationRng, simulateResponses } from '../psychometrics/simulate';
import { TestClock, type DbKind } from './server-harness';

export { DB_KINDS, TestClock, type DbKind } from './server-harness';

function scoringPackageIn(dir: string): ScoringPackage {
  const loaded = loadPackage(dir, readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) throw new Error(`${dir} does not verify`);
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

let cached: ScoringPackage | null = null;
/**
 * The package the review tests seed: the reference package released as operational (it gives advice, which
 * these tests are about); items/ itself is a pilot (`pilotPackage`).
 */
export function realPackage(): ScoringPackage {
  cached ??= scoringPackageIn(operationalPackageDir().dir);
  return cached;
}

let cachedPilot: ScoringPackage | null = null;
/** items/ as it ships: a pilot, whose results carry no advice. */
export function pilotPackage(): ScoringPackage {
  cachedPilot ??= scoringPackageIn(paths.items);
  return cachedPilot;
}

export interface ReviewService extends RunningService {
  clock: TestClock;
  /** The PostgreSQL database's URL, or '' on SQLite: for a second connection (a second instance). */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startReviewService(kind: DbKind): Promise<ReviewService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-test-'));
  const clock = new TestClock(new Date('2026-06-01T10:00:00.000Z'));
  const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
  const service = await startResultsService({
    dataDir,
    databaseUrl,
    packages: [realPackage(), pilotPackage()],
    now: clock.now,
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  return {
    ...service,
    clock,
    databaseUrl,
    async stop() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'een-lang-wachtwoord';

/**
 * A review account as `lbt users create` makes it, then given a cheap hash: these suites log in dozens of times,
 * and the stored form carries its own scrypt cost, so every login still runs the production path
 * (test/unit/src/server/review/users.test.ts checks the real cost).
 */
export async function addUser(service: RunningService, username: string, gemeente: string, role: string) {
  await createUser(service.deps.db, service.deps.now(), { username, gemeente, role, password: PASSWORD });
  await service.deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(PASSWORD, { N: 1 << 10, r: 8, p: 1 }) })
    .where('username', '=', username)
    .execute();
}

export function plan(
  raw: number,
  route: RouteKey,
  closedAt: string,
  extra: Partial<PlannedResult> = {},
): PlannedResult {
  return {
    raw,
    route,
    closedAt: new Date(closedAt),
    doelgroep: 'gezinsmigrant',
    language: 'nl',
    input: 'touch',
    interpreter: false,
    practiced: 'yes',
    screen: { widthPx: 1920, heightPx: 1080, scaleFactor: 1 },
    focusLost: false,
    ...extra,
  };
}

/** Uploads each planned result through POST /v1/results (real signatures); returns the result ids in order. */
export async function seed(
  service: RunningService,
  gemeente: string,
  plans: PlannedResult[],
  pkg: ScoringPackage = realPackage(),
): Promise<string[]> {
  const device: DemoDevice = await enrollDemoDevice(service.url, service.deps, gemeente, `kiosk ${gemeente}`);
  const random = prng(7);
  const ids: string[] = [];
  for (const [i, p] of plans.entries()) {
    const signed = signedDemoResult(pkg, device, gemeente, p, random, `K-${i + 1}`);
    const response = await fetch(`${service.url}/v1/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    if (response.status !== 201) throw new Error(`seed upload: ${response.status} ${await response.text()}`);
    ids.push(signed.payload.resultId);
  }
  return ids;
}

/** Records a route straight through the server function (the API path is tested separately). */
export async function route(
  service: RunningService,
  gemeente: string,
  id: string,
  body: RecordLeerrouteRequest,
) {
  await recordLeerroute(service.deps.db, service.deps.now(), { username: 'seed', gemeente }, id, body);
}

export interface Answer {
  status: number;
  type: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read into any shape
  text: string;
}

/** A browser stand-in: keeps cookies, sends the CSRF token it was given unless told otherwise. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      const cleared = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (cleared) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      type,
      text,
      json: type.includes('json') && text ? JSON.parse(text) : null,
    };
  }

  get(path: string) {
    return this.call('GET', path);
  }

  async login(username: string, password = PASSWORD): Promise<Answer> {
    const session = await this.get('/v1/review/session');
    this.csrf = session.json.csrfToken;
    const answer = await this.call('POST', '/v1/review/login', { username, password });
    if (answer.status === 200) this.csrf = answer.json.csrfToken;
    return answer;
  }
}

/**
 * `count` more completed sittings of the real package, copied from a stored row with answers simulated from a
 * known Rasch model (difficulties evenly from -2 to +2 logits), so a calibration has the 200 it needs.
 */
export async function addSimulatedSittings(service: RunningService, count: number, seed = 11): Promise<void> {
  const template = await service.deps.db.selectFrom('results').selectAll().executeTakeFirstOrThrow();
  const items = template.item_pattern.length;
  const rng = new SimulationRng(seed);
  const difficulties = Array.from({ length: items }, (_, i) => -2 + (4 * i) / (items - 1));
  const responses = simulateResponses(
    rng,
    Array.from({ length: count }, () => rng.normal()),
    difficulties,
  );
  await service.deps.db
    .insertInto('results')
    .values(
      responses.map((answers, n) => ({
        ...template,
        result_id: `sim-${seed}-${n}`,
        session_id: `sim-${seed}-${n}`,
        envelope_hash: `sim-${seed}-${n}`,
        status: 'completed' as const,
        item_pattern: answers.join(''),
        raw: answers.reduce((s, x) => s + x, 0),
        score_mismatch: 0,
        fast_answers: 0,
        input_type: n % 3 ? 'touch' : 'mouse',
        closed_at: `2026-06-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000Z`,
      })),
    )
    .execute();
}
