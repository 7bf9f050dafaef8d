/**
 * `npm run test:faults [-- --kills N] [--seed S]`: SIGKILLs the real Chromium host at random points of real
 * sittings, restarts it on the same data dir, and checks that every acknowledged event is still in the journal,
 * that the resumed state equals a fresh fold of the journal, and that each sitting runs to a result that verifies
 * and scores the answers given. Between runs it also tears the journal's tail or flips a bit in an earlier record
 * (the host must cut and report the first, refuse the second untouched). Ends with one JSON summary line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { PackageStore } from '../../src/host/items/package-store';
import { defaultTrustedPublishersFile } from '../../src/host/items/trust';
import { paths } from '../../src/host/paths';
import { sessionContentOf } from '../../src/host/session/content';
import type { SessionRecoveryReport } from '../../src/shared/result';
import type { SessionView } from '../../src/shared/session';
import { flipBit, tearTail } from './damage';
import { startHost, type CallAnswer } from './host';
import { journalFile, journalKeyOf, planPosition, readJournal } from './journal-view';
import { Rng } from './rng';
import { Sitting } from './sitting-driver';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '200' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
  },
});
const kills = Number(values.kills);
const rng = new Rng(Number(values.seed));
console.log(`kill suite: ${kills} kills, seed ${rng.seed} (repeat with --seed ${rng.seed})`);

const store = PackageStore.open({
  dir: paths.items,
  trustFile: defaultTrustedPublishersFile,
  allowDevelopmentKeys: true,
});
const content = sessionContentOf(store.package);
if (!content) throw new Error(`the item package does not load: ${store.summary()}`);
const dataDir = mkdtempSync(join(tmpdir(), 'lbt-faults-'));

const tally = { runs: 0, acknowledged: 0, lost: 0, mismatched: 0 };
const failures: string[] = [];
const fail = (what: string) => {
  tally.mismatched += 1;
  failures.push(what);
  console.log(`MISMATCH: ${what}`);
};
let sittings = 0;
let results = 0;
let torn = 0;
let flipped = 0;

let host = await startHost(dataDir);
const key = await journalKeyOf(dataDir);
let sitting = new Sitting(content, rng);

/** After a sitting's close was acknowledged (or found in the journal): its result must verify. */
async function finishSitting(): Promise<void> {
  for (const problem of await sitting.verifyResult(host, dataDir))
    fail(`sitting ${sittings + 1}: ${problem}`);
  results += 1;
  sittings += 1;
  tally.acknowledged += sitting.acked.length;
  sitting = new Sitting(content!, rng);
}

async function step(): Promise<void> {
  await sitting.step(host);
  if (sitting.closed) await finishSitting();
}

/** Restarts the host and checks what it resumed against the journal and the acknowledgements. */
async function restartAndCheck(expectTorn: number | null): Promise<void> {
  host = await startHost(dataDir);
  const recovery = expectOk(await host.call('session.recovery')) as SessionRecoveryReport;
  const view = expectOk(await host.call('session.state')) as SessionView | null;
  if (recovery.refused.length) fail(`journals refused: ${JSON.stringify(recovery.refused)}`);
  if (expectTorn !== null) {
    const cut = recovery.truncated.find((t) => sitting.sessionId && t.sessionId === sitting.sessionId);
    if (cut?.bytesCut !== expectTorn)
      fail(`torn tail of ${expectTorn} bytes not cut and reported: ${JSON.stringify(recovery.truncated)}`);
  }
  if (!sitting.sessionId && view) sitting.sessionId = view.state.session!.sessionId; // the open landed unacknowledged
  if (!sitting.sessionId) return;
  const journal = await readJournal(journalFile(dataDir, sitting.sessionId), key, content!).catch(
    (error: Error) => {
      fail(error.message);
      return null;
    },
  );
  if (!journal) return;
  const lost = sitting.lostIn(journal.events);
  if (lost.length) {
    tally.lost += lost.length;
    console.log(`LOST: ${lost.map((a) => `${a.seq} ${a.type}`).join(', ')}`);
  }
  if (view) {
    if (!isDeepStrictEqual(view.state, JSON.parse(JSON.stringify(journal.fold))))
      fail(`resumed state of ${sitting.sessionId} differs from a fresh fold of its journal`);
    if (view.state.incidents.at(-1)?.kind !== 'interruption')
      fail('the downtime was not recorded as an interruption');
  } else if (journal.fold.status !== 'closed') {
    fail(`open sitting ${sitting.sessionId} (${journal.fold.status}) was not resumed`);
  }
  sitting.position = planPosition(journal.events);
  if (journal.fold.status === 'closed') await finishSitting();
}

/** Breaks a flipped journal on purpose, checks the refusal, then puts the good bytes back. */
async function bitFlipCase(): Promise<void> {
  const file = journalFile(dataDir, sitting.sessionId!);
  const journal = await readJournal(file, key, content!);
  if (!journal || journal.analysis.records.length < 3) return;
  const { recordNumber, original, damaged } = flipBit(file, journal.analysis, rng);
  flipped += 1;
  const probe = await startHost(dataDir);
  const recovery = expectOk(await probe.call('session.recovery')) as SessionRecoveryReport;
  const refused = recovery.refused.find((r) => r.file === file);
  if (!refused || refused.recordNumber !== recordNumber)
    fail(
      `flipped bit in record ${recordNumber} not refused by file and record: ${JSON.stringify(recovery.refused)}`,
    );
  if (!readFileSync(file).equals(damaged)) fail('a refused journal was changed');
  if (expectOk(await probe.call('session.state')) !== null) fail('a refused journal was resumed');
  await probe.kill();
  writeFileSync(file, original);
}

function expectOk(answer: CallAnswer): unknown {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

try {
  while (tally.runs < kills) {
    for (let n = rng.int(0, 30); n > 0; n--) await step();
    // Kill either between calls or while one is in flight (before, during or after its fsync).
    let inflight: Promise<void> | null = null;
    if (rng.chance(0.7)) {
      const next = sitting.nextCall();
      inflight = host.send(next.channel, next.request).then((answer) => {
        if (answer) next.accept(answer); // it was answered before the kill: it counts as acknowledged
      });
      await sleep(rng.int(0, 4));
    }
    await host.kill();
    await inflight;
    tally.runs += 1;
    // Damage between runs: on a fixed schedule (so a bounded run has both kinds) and at random.
    const damage =
      tally.runs % 10 === 4 || rng.chance(0.04)
        ? 'flip'
        : tally.runs % 10 === 7 || rng.chance(0.1)
          ? 'tear'
          : null;
    let tornBytes: number | null = null;
    if (sitting.sessionId && damage === 'tear') {
      const journal = await readJournal(journalFile(dataDir, sitting.sessionId), key, content);
      if (journal && journal.analysis.records.length > 0 && journal.fold.status !== 'closed') {
        tornBytes = tearTail(journalFile(dataDir, sitting.sessionId), journal.analysis, rng);
        torn += 1;
      }
    } else if (sitting.sessionId && damage === 'flip') {
      await bitFlipCase();
    }
    await restartAndCheck(tornBytes);
  }
  // The last sitting runs to its end on the restarted host.
  const target = sittings + 1;
  while (sittings < target) await step();
  await host.kill();
} catch (error) {
  fail(`suite aborted: ${(error as Error).stack ?? error}`);
  console.log(host.output.slice(-20).join('\n'));
  await host.kill();
}
tally.acknowledged += sitting.acked.length;
console.log(
  `sittings completed: ${sittings}, results verified: ${results}, torn tails: ${torn}, bit flips: ${flipped}, data dir: ${dataDir}`,
);
if (tally.lost === 0 && tally.mismatched === 0) rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ suite: 'kill', ...tally }));
process.exit(tally.lost === 0 && tally.mismatched === 0 ? 0 : 1);
