import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { v7 as uuidv7 } from 'uuid';
import { loadPackage } from '../../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../src/host/items/trust';
import { openDatabase, SQLITE_FILE } from '../../../src/server/db/open';
import type { ResultsTable } from '../../../src/server/db/tables';
import { openServerDeps } from '../../../src/server/open-deps';
import type { ScoringPackage } from '../../../src/server/packages';
import { canonicalJson } from '../../../src/shared/signing';
import { enrollDevice, newDevice, signedResult, type TestDevice } from '../../support/results-service';
import type { Benchmark } from '../harness';
import { jsonPost, KeepAliveClient } from '../load/keep-alive-client';

const CONCURRENCY = 32;
const root = resolve(import.meta.dirname, '../../..');

/** The repository's item package, which `lbt server` scores against by default. */
function repoPackage(): ScoringPackage {
  const loaded = loadPackage(join(root, 'items'), readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) throw new Error('items/ does not load; run `npx lbt items verify`');
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

/** `lbt server` in its own process, as deployed: the load generator (this process) does not share its thread. */
async function startServerProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      // LBT_BENCH_PROFILE=<dir> writes a CPU profile of the service, to see where its time per result goes.
      ...(process.env.LBT_BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LBT_BENCH_PROFILE}`]
        : []),
      join(root, 'bin/lbt.mjs'),
      'server',
      '--port',
      '0',
      '--data',
      dataDir,
      '--ready-json',
      '--rate-limit',
      '100000000',
      // LBT_BENCH_CHECK_THREADS=N compares thread counts (default: the service's own, one per core).
      ...(process.env.LBT_BENCH_CHECK_THREADS
        ? ['--check-threads', process.env.LBT_BENCH_CHECK_THREADS]
        : []),
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"ready"')) done((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => fail(new Error(`lbt server exited with ${code}`)));
  });
  return {
    url,
    /**
     * CPU seconds (user + system) from /proc, of the whole service process and of its request thread alone
     * (the rest is the check threads and Node's own); null where there is no /proc.
     */
    cpuSeconds(): { all: number; requestThread: number } | null {
      const read = (file: string) => {
        const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      };
      try {
        return {
          all: read(`/proc/${child.pid}/stat`),
          requestThread: read(`/proc/${child.pid}/task/${child.pid}/stat`),
        };
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * server.ingest: results per second through `POST /v1/results` of a real `lbt server` (SQLite, synchronous=FULL)
 * over loopback, 32 uploads in flight, each a distinct result pre-signed by one of 32 enrolled kiosks on the
 * repository's item package (so verifying, re-scoring and storing are measured; signing is not).
 * Baseline: the same rows inserted into the same kind of table (a second database made by the same migrations,
 * same pragmas) with a prepared plain INSERT, each committed on its own: what a service whose receipt means
 * "on disk" gets without the group commit. Samples alternate, the order flipping every round.
 */
export const serverIngest: Benchmark = {
  name: 'server.ingest',
  unit: 'results/s',
  higherIsBetter: true,
  async run({ scale }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lbt-bench-ingest-'));
    const baseDir = mkdtempSync(join(tmpdir(), 'lbt-bench-insert-'));
    const pkg = repoPackage();
    const server = await startServerProcess(dataDir);
    // The admin side of the same database, for enrollment codes and for reading the stored rows back.
    const admin = await openServerDeps({ dataDir, databaseUrl: '' });
    await (await openDatabase({ dataDir: baseDir, databaseUrl: '' })).db.destroy();
    const plain = new BetterSqlite3(join(baseDir, SQLITE_FILE));
    let client: KeepAliveClient | undefined;
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    try {
      const devices: TestDevice[] = [];
      for (let i = 0; i < CONCURRENCY; i++) {
        const device = newDevice();
        await enrollDevice(server.url, admin.deps, device);
        plain
          .prepare(
            'insert into devices (device_id, key_id, public_key, gemeente, label, enrolled_at) values (?, ?, ?, ?, ?, ?)',
          )
          .run(device.deviceId, device.keyId, device.publicKey, 'Utrecht', 'bench', new Date().toISOString());
        devices.push(device);
      }
      const perSample = Math.max(CONCURRENCY * 4, Math.ceil(1000 * scale));
      const bodies = () =>
        // In the canonical form kiosks upload (src/host/outbox/transport.ts).
        Array.from({ length: perSample }, (_, i) =>
          canonicalJson(signedResult(devices[i % CONCURRENCY]!, { pkg })),
        );

      // 32 kept-alive connections, each one upload at a time (test/bench/load/keep-alive-client.ts): node:http
      // would cost the load generator about 0.3 ms of CPU per upload, taken on two cores from the service.
      const target = new URL(`${server.url}/v1/results`);
      client = await KeepAliveClient.open(target, CONCURRENCY);
      // The load generator's own CPU per upload, printed beside the service's: on two cores it is not free.
      const generator = { cpuMicros: 0, uploads: 0 };
      const upload = async (batch: string[]) => {
        const requests = batch.map((body) => jsonPost(target, body));
        const cpu = process.cpuUsage();
        const start = performance.now();
        const answers = await client!.run(requests);
        const elapsed = performance.now() - start;
        const used = process.cpuUsage(cpu);
        generator.cpuMicros += used.user + used.system;
        generator.uploads += batch.length;
        const refused = answers.find((answer) => answer.status !== 201);
        if (refused) throw new Error(`upload answered ${refused.status}: ${refused.body.toString()}`);
        return (batch.length / elapsed) * 1000;
      };

      // Warm-up; its stored rows are the template the baseline inserts again under fresh ids.
      const first = bodies();
      await upload(first);
      console.error(`server.ingest: ${perSample} results per sample, ${first[0]!.length} bytes each`);
      const template = await admin.deps.db.selectFrom('results').selectAll().limit(perSample).execute();
      const columns = Object.keys(template[0]!) as (keyof ResultsTable)[];
      const insert = plain.prepare(
        `insert into results (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const insertRows = () => {
        const rows = template.map((row) => ({ ...row, result_id: uuidv7() }));
        const start = performance.now();
        for (const row of rows) insert.run(...columns.map((c) => row[c]));
        return (rows.length / (performance.now() - start)) * 1000;
      };

      const samples: number[] = [];
      const baseline: number[] = [];
      const rounds = Math.max(3, Math.ceil(10 * scale));
      // On a shared machine the wall-clock figure says as much about the neighbours as about the service; the
      // service's own CPU per result says what one core can carry.
      const cpuBefore = server.cpuSeconds();
      for (let round = 0; round < rounds; round++) {
        const batch = bodies();
        if (round % 2 === 0) {
          samples.push(await upload(batch));
          baseline.push(insertRows());
        } else {
          baseline.push(insertRows());
          samples.push(await upload(batch));
        }
      }
      const cpuAfter = server.cpuSeconds();
      if (cpuBefore !== null && cpuAfter !== null) {
        const perResult = (seconds: number) => (seconds * 1000) / (rounds * perSample);
        const all = perResult(cpuAfter.all - cpuBefore.all);
        const requestThread = perResult(cpuAfter.requestThread - cpuBefore.requestThread);
        console.error(
          `server.ingest: the service used ${all.toFixed(3)} ms CPU per result (~${Math.round(1000 / all)} results/s per core), ${requestThread.toFixed(3)} ms of it on the request thread; the load generator ${(generator.cpuMicros / generator.uploads / 1000).toFixed(3)} ms per upload`,
        );
      }
      return { samples, baseline: { name: 'sqlite.insert(autocommit)', samples: baseline } };
    } finally {
      client?.close();
      plain.close();
      await admin.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(baseDir, { recursive: true, force: true });
    }
  },
};
