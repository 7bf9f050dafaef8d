/**
 * `npm run test:faults -- --uploads N [--kiosks K] [--seed S]`: N distinct signed results from K enrolled
 * kiosks (real data dirs, real outboxes) travel over real HTTP on 127.0.0.1 through a fault-injecting proxy
 * (refused connections, 500s, hangs, resets, connections dropped after the service committed, duplicate
 * deliveries) to the real results service, which is SIGKILLed and restarted along the way. At the end every
 * result must be in the service's database exactly once with the bytes the kiosk signed, and every outbox
 * must be empty. Prints one summary line and exits non-zero on any loss or duplicate.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { issueEnrollmentCode } from '../../src/server/admin/enrollment-codes';
import { openServerDeps } from '../../src/server/open-deps';
import { Rng } from './rng';
import { FaultProxy, type Fault } from './upload/fault-proxy';
import { SuiteKiosk } from './upload/kiosks';
import { ServiceProcess } from './upload/service-process';

const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '1000' },
    kiosks: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
  },
});
const uploads = Number(values.uploads);
const kioskCount = Number(values.kiosks);
if (!Number.isInteger(uploads) || uploads < 1 || !Number.isInteger(kioskCount) || kioskCount < 1) {
  console.error('--uploads and --kiosks must be positive whole numbers');
  process.exit(2);
}
const rng = new Rng(Number(values.seed));
// One service restart per ~200 uploads, at least one; the restarts dominate the run time (process start).
const serviceRestarts = Math.max(1, Math.round(uploads / 200));
console.log(
  `upload suite: ${uploads} uploads from ${kioskCount} kiosks, ${serviceRestarts} service restart(s), seed ${rng.seed} (repeat with --seed ${rng.seed})`,
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
const serviceDir = mkdtempSync(join(tmpdir(), 'lbt-upload-service-'));
const service = new ServiceProcess(serviceDir, 0);
await service.start();
const serviceUrl = () => `http://127.0.0.1:${service.port}`;
const proxy = new FaultProxy(() => service.port, decide, 4 * 800);
await proxy.listen();

// Enrollment codes through the service's own admin module (the database is shared; SQLite in WAL mode).
const admin = await openServerDeps({ dataDir: serviceDir, databaseUrl: '' });
const codes: string[] = [];
for (let i = 0; i < kioskCount; i++) {
  codes.push(
    (await issueEnrollmentCode(admin.deps, { gemeente: 'Utrecht', label: `suite kiosk ${i}` })).code,
  );
}
await admin.close();
const kiosks: SuiteKiosk[] = [];
for (const code of codes) kiosks.push(await SuiteKiosk.create(serviceUrl(), proxy.url, code, rng));

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
      await service.restart();
      events.serviceRestarts += 1;
    } else if (rng.chance(0.15)) {
      await proxy.refuseFor(rng.int(50, 500));
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
await proxy.close();
await service.stop();

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
const db = await openServerDeps({ dataDir: serviceDir, databaseUrl: '' });
const rows = await db.deps.db.selectFrom('results').select(['result_id', 'payload_hash']).execute();
await db.close();
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

console.log(
  `faults injected: ${JSON.stringify(proxy.tally)}; service restarts ${events.serviceRestarts}, ` +
    `refused windows ${events.refusedWindows}, kiosk restarts ${events.kioskRestarts}`,
);
if (left > 0) console.log(`NOT DELIVERED: ${left} result(s) still in the outboxes at the deadline`);
if (mismatched > 0)
  console.log(`MISMATCH: ${mismatched} stored result(s) with other bytes than the kiosk signed`);
if (!emptied()) console.log(`NOT EMPTY: kiosks still hold ${JSON.stringify(leftOnKiosks)}`);
console.log(JSON.stringify({ suite: 'upload', runs: produced, stored, duplicates, lost }));
const ok = produced === uploads && stored === uploads && duplicates === 0 && lost === 0 && mismatched === 0;
process.exit(ok && emptied() ? 0 : 1);
