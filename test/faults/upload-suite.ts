/**
 * `npm run test:faults -- --uploads N [--kiosks K] [--seed S]`: N distinct signed results from K enrolled
 * kiosks (real data dirs, real outboxes) travel over real HTTP on 127.0.0.1 through a fault-injecting proxy
 * (refused connections, 500s, hangs, resets, connections dropped after the service committed, duplicate
 * deliveries) to the real results service, which is SIGKILLed and restarted along the way. At the end every
 * result must be in the service's database exactly once with the bytes the kiosk signed, and every outbox
 * must be empty. Prints one summary line and exits non-zero on any loss or duplicate.
 *
 * `--instances N` (N > 1, on PostgreSQL): N service instances share one database and one signing key, each with
 * its own data dir and its own proxy; kiosks are spread over them, and a parallel duplicate goes to two
 * instances at once. Restarts hit one instance at a time.
 *
 * Throughout, a review tally on its own connection (as a further instance's dashboard would keep it) catches
 * up from the change feed (migration 020) while the instances write; at the end its counts must equal a
 * recount from the stored rows (docs/OPERATIONS.md, "Several instances on one PostgreSQL").
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { issueEnrollmentCode } from '../../src/server/admin/enrollment-codes';
import { openServerDeps } from '../../src/server/open-deps';
import { freshPostgresDatabase, postgresUnavailable } from '../support/postgres';
import { ReviewTally } from '../../src/server/review/tally/sync';
import { recountReview } from '../support/review-recount';
import { Rng } from './rng';
import { FaultProxy, type Fault } from './upload/fault-proxy';
import { SuiteKiosk } from './upload/kiosks';
import { ServiceProcess } from './upload/service-process';

const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '1000' },
    kiosks: { type: 'string', default: '4' },
    instances: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
  },
});
const uploads = Number(values.uploads);
const kioskCount = Number(values.kiosks);
const instanceCount = Number(values.instances);
if (![uploads, kioskCount, instanceCount].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error('--uploads, --kiosks and --instances must be positive whole numbers');
  process.exit(2);
}
// Several instances only make sense on one shared server database.
const noPostgres = instanceCount > 1 ? postgresUnavailable() : null;
if (noPostgres) {
  console.error(`--instances ${instanceCount} needs PostgreSQL: ${noPostgres}`);
  process.exit(2);
}
const rng = new Rng(Number(values.seed));
// One service restart per ~200 uploads, at least one; the restarts dominate the run time (process start).
const serviceRestarts = Math.max(1, Math.round(uploads / 200));
console.log(
  `upload suite: ${uploads} uploads from ${kioskCount} kiosks to ${instanceCount} service instance(s)` +
    `${instanceCount > 1 ? ' on one PostgreSQL' : ''}, ${serviceRestarts} service restart(s), seed ${rng.seed} ` +
    `(repeat with --seed ${rng.seed})`,
);

/** Faults per upload request; the rest of the chaos (refused windows, restarts) is on the timeline below. */
const FAULTS: [Fault, number][] = [
  ['pass', 0.5],
  ['error500', 0.08],
  ['hang', 0.04],
  ['reset', 0.08],
  ['drop', 0.12],
  ['duplicate', 0.09],
  ['duplicate-parallel', 0.09],
];
function decide(path: string): Fault {
  if (path !== '/v1/results') return 'pass';
  let draw = rng.next();
  for (const [fault, weight] of FAULTS) {
    if ((draw -= weight) < 0) return fault;
  }
  return 'pass';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// One instance: SQLite in its data dir. Several: one PostgreSQL database and one injected key for all of them.
const databaseUrl = instanceCount > 1 ? await freshPostgresDatabase() : '';
const serverKeyPem =
  instanceCount > 1
    ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    : undefined;
const services: ServiceProcess[] = [];
for (let i = 0; i < instanceCount; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-upload-service-'));
  services.push(
    new ServiceProcess(dir, 0, {
      ...(databaseUrl ? { database: databaseUrl } : {}),
      ...(serverKeyPem ? { serverKeyPem } : {}),
    }),
  );
}
// Started together, as a deployment does: the instances race for the migrations (Kysely's lock decides).
await Promise.all(services.map((s) => s.start()));
const service = services[0]!;
const serviceDir = service.dataDir;
const proxies = services.map(
  (s, i) =>
    new FaultProxy(
      () => s.port,
      decide,
      4 * 800,
      instanceCount > 1 ? () => services[(i + 1) % instanceCount]!.port : undefined,
    ),
);
for (const proxy of proxies) await proxy.listen();

// Enrollment codes through the service's own admin module (the database is shared; SQLite in WAL mode).
const admin = await openServerDeps({ dataDir: serviceDir, databaseUrl });
const codes: string[] = [];
for (let i = 0; i < kioskCount; i++) {
  codes.push(
    (await issueEnrollmentCode(admin.deps, { gemeente: 'Utrecht', label: `suite kiosk ${i}` })).code,
  );
}
// The watcher: a review tally caught up from the change feed while the instances write (closed at the end).
const watcher = new ReviewTally(admin.deps.db);
await watcher.fresh('Utrecht');
const kiosks: SuiteKiosk[] = [];
// Kiosk i enrolls with, and uploads to, instance i mod N (through that instance's proxy).
for (const [i, code] of codes.entries()) {
  const at = i % instanceCount;
  kiosks.push(await SuiteKiosk.create(`http://127.0.0.1:${services[at]!.port}`, proxies[at]!.url, code, rng));
}

const sent = new Map<string, string>(); // resultId -> payloadHash the kiosk signed
let produced = 0;
let finished = false;
const events = { serviceRestarts: 0, refusedWindows: 0, kioskRestarts: 0 };

/** Sittings close on random kiosks in small bursts, while uploads and faults are under way. */
async function produce(): Promise<void> {
  while (produced < uploads) {
    const kiosk = rng.pick(kiosks);
    const burst = Math.min(uploads - produced, rng.int(1, 6));
    for (let i = 0; i < burst; i++) {
      const { resultId, payloadHash } = await kiosk.closeSitting();
      sent.set(resultId, payloadHash);
      produced += 1;
    }
    await sleep(rng.int(0, 15));
  }
}

/** Service restarts spread over the production, refused windows and kiosk restarts in between. */
async function chaos(): Promise<void> {
  const restartAt = Array.from({ length: serviceRestarts }, (_, i) =>
    Math.floor(((i + 0.5) * uploads) / serviceRestarts),
  );
  while (!finished) {
    await sleep(rng.int(50, 300));
    if (restartAt.length && produced >= restartAt[0]!) {
      restartAt.shift();
      await rng.pick(services).restart();
      events.serviceRestarts += 1;
    } else if (rng.chance(0.15)) {
      await rng.pick(proxies).refuseFor(rng.int(50, 500));
      events.refusedWindows += 1;
    } else if (rng.chance(0.1)) {
      await rng.pick(kiosks).restart();
      events.kioskRestarts += 1;
    }
  }
}

async function pending(): Promise<number> {
  let left = 0;
  for (const kiosk of kiosks) {
    const view = await kiosk.outbox.view();
    left += view.entries.filter((e) => e.state !== 'delivered').length;
  }
  return left;
}

const deadline = Date.now() + Math.max(180_000, uploads * 600);
const chaosDone = chaos();
await produce();
console.log(`all ${produced} results stored on the kiosks; waiting for delivery`);
let lastReport = Date.now();
while (Date.now() < deadline && (restartsLeft() || (await pending()) > 0 || !emptied())) {
  for (const kiosk of kiosks) void kiosk.outbox.kick();
  await sleep(200);
  await watcher.fresh('Utrecht');
  if (Date.now() - lastReport > 10_000) {
    lastReport = Date.now();
    console.log(
      `... ${await pending()} pending, service restarts ${events.serviceRestarts}/${serviceRestarts}`,
    );
  }
}
finished = true;
await chaosDone;
for (const kiosk of kiosks) await kiosk.outbox.kick();
const left = await pending();
for (const kiosk of kiosks) await kiosk.outbox.close();
for (const proxy of proxies) await proxy.close();
for (const s of services) await s.stop();

function restartsLeft(): boolean {
  return events.serviceRestarts < serviceRestarts;
}
function emptied(): boolean {
  return kiosks.every((k) => {
    const rest = k.leftOver();
    return rest.results === 0 && rest.states === 0;
  });
}

// The service's database, read after a clean stop: every result exactly once, with the signed bytes' hash.
const db = await openServerDeps({ dataDir: serviceDir, databaseUrl });
const rows = await db.deps.db.selectFrom('results').select(['result_id', 'payload_hash']).execute();
// The watcher's tally, caught up once more, against a recount: concurrent writes must not lose or double one.
const recount = await recountReview(db.deps.db, watcher);
await db.close();
await admin.close();
const countsMatch = JSON.stringify(recount.counted) === JSON.stringify(recount.direct);
const counts = new Map<string, number>();
let duplicates = 0;
let mismatched = 0;
for (const row of rows) {
  counts.set(row.result_id, (counts.get(row.result_id) ?? 0) + 1);
  if (!sent.has(row.result_id)) duplicates += 1;
  else if (sent.get(row.result_id) !== row.payload_hash) mismatched += 1;
}
for (const n of counts.values()) if (n > 1) duplicates += n - 1;
const stored = [...sent.keys()].filter((id) => counts.has(id)).length;
const lost = sent.size - stored + left;
const leftOnKiosks = kiosks.map((k) => k.leftOver());

const tally: Record<string, number> = {};
for (const proxy of proxies)
  for (const [fault, n] of Object.entries(proxy.tally)) tally[fault] = (tally[fault] ?? 0) + n;
console.log(
  `faults injected: ${JSON.stringify(tally)}; service restarts ${events.serviceRestarts}, ` +
    `refused windows ${events.refusedWindows}, kiosk restarts ${events.kioskRestarts}`,
);
if (left > 0) console.log(`NOT DELIVERED: ${left} result(s) still in the outboxes at the deadline`);
if (mismatched > 0)
  console.log(`MISMATCH: ${mismatched} stored result(s) with other bytes than the kiosk signed`);
if (!emptied()) console.log(`NOT EMPTY: kiosks still hold ${JSON.stringify(leftOnKiosks)}`);
if (!countsMatch)
  console.log(
    `REVIEW TALLY: kept ${JSON.stringify(recount.counted)} but recounted ${JSON.stringify(recount.direct)}`,
  );
console.log(
  JSON.stringify({
    suite: 'upload',
    instances: instanceCount,
    runs: produced,
    stored,
    duplicates,
    lost,
    countsMatch,
  }),
);
const ok =
  produced === uploads &&
  stored === uploads &&
  duplicates === 0 &&
  lost === 0 &&
  mismatched === 0 &&
  countsMatch;
process.exit(ok && emptied() ? 0 : 1);
