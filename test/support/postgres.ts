/**
 * A throwaway PostgreSQL for the tests: one cluster per vitest run, shared by every test file, each file getting
 * a fresh database. PostgreSQL refuses to run as root, so the cluster runs as the `postgres` user in a temp dir
 * it owns, on 127.0.0.1 and a free port, with fsync off (test data; durability is tested on SQLite and by
 * PostgreSQL itself).
 *
 * "Once per run" across vitest's worker processes: the first worker to ask creates the cluster under a directory
 * named for the vitest main process (mkdir as the lock); the others wait for its `ready.json`. A small detached
 * watchdog stops the cluster and removes the directory when that main process exits, however it exits.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';

const BIN_DIRS = ['/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/17/bin'];

/** A PostgreSQL program (initdb, pg_dump, pg_restore, …) from Debian's versioned bin dir or the PATH. */
export function findBin(name: string): string | null {
  for (const dir of BIN_DIRS) if (existsSync(join(dir, name))) return join(dir, name);
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (!findBin('initdb') || !findBin('pg_ctl'))
    return 'PostgreSQL binaries (initdb, pg_ctl) are not installed';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) {
    return 'running as root and there is no `postgres` user to run the cluster as';
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command as `postgres` when we are root (PostgreSQL will not run as root). */
function asPostgres(command: string, args: string[]): void {
  const [cmd, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

interface Cluster {
  port: number;
}

let cluster: Promise<Cluster> | null = null;

function runnerPid(): number {
  // Worker processes (vitest's default `forks` pool) share their parent; worker threads share our process.
  return isMainThread ? process.ppid : process.pid;
}

async function startOrJoin(): Promise<Cluster> {
  const base = join(tmpdir(), `lbt-vitest-pg-${runnerPid()}`);
  const ready = join(base, 'ready.json');
  let creator = false;
  try {
    mkdirSync(base);
    creator = true;
  } catch {
    // Another worker creates it.
  }
  if (creator) {
    try {
      writeFileSync(ready, JSON.stringify(await createCluster(base)));
    } catch (error) {
      writeFileSync(ready, JSON.stringify({ error: (error as Error).message }));
    }
  }
  for (let waited = 0; waited < 120_000; waited += 100) {
    if (existsSync(ready)) {
      const info = JSON.parse(readFileSync(ready, 'utf8')) as Cluster & { error?: string };
      if (info.error) throw new Error(`The test PostgreSQL did not start: ${info.error}`);
      return info;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The test PostgreSQL in ${base} did not become ready.`);
}

async function createCluster(base: string): Promise<Cluster> {
  const data = join(base, 'data');
  const initdb = findBin('initdb')!;
  const pgCtl = findBin('pg_ctl')!;
  chmodSync(base, 0o777);
  mkdirSync(data, { mode: 0o700 });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', base]);
  asPostgres(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${base} -F -c max_connections=200`;
  asPostgres(pgCtl, ['-D', data, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start']);
  // The watchdog: when the vitest process is gone, stop the cluster and remove its files.
  const stop = process.getuid?.() === 0 ? `runuser -u postgres -- ${pgCtl}` : pgCtl;
  const script = `while kill -0 ${runnerPid()} 2>/dev/null; do sleep 1; done; ${stop} -D ${data} -m immediate stop >/dev/null 2>&1; rm -rf ${base}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  return { port };
}

/** A fresh, empty database on the shared test cluster; returns its connection URL. */
export async function freshPostgresDatabase(): Promise<string> {
  cluster ??= startOrJoin();
  const { port } = await cluster;
  const name = `lbt_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}
