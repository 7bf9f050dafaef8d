/**
 * The `lbt` commands of the results service as an operator runs them: `lbt server` on a fresh data dir (SQLite,
 * no configuration), the admin commands against the same data while it runs, and `lbt results import`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../../../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../../../src/host/items/trust';
import { RESULTS_EXPORT_SCHEMA } from '../../../../../src/shared/results-service';
import type { ScoringPackage } from '../../../../../src/server/packages';
import { newDevice, postResult, signedResult } from '../../../../support/results-service';
import { lbtInProcess } from '../../../../support/lbt-in-process';

const root = resolve(import.meta.dirname, '../../../../..');
const lbt = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'bin/lbt.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    ...(input !== undefined ? { input } : {}),
  });

/** An `lbt` command in this process (test/support/lbt-in-process.ts): each `node bin/lbt.mjs` start costs seconds. */
async function lbtHere(words: string, args: string[]) {
  const run = await lbtInProcess(...words.split(' '), ...args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

function realPackage(): ScoringPackage {
  const loaded = loadPackage(join(root, 'items'), readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) throw new Error('the repository items/ package does not load');
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

describe('lbt server and the admin commands', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;
  const output: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lbt-cli-server-'));
    child = spawn(
      process.execPath,
      [join(root, 'bin/lbt.mjs'), 'server', '--port', '0', '--data', dataDir, '--ready-json'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    url = await new Promise<string>((resolveUrl, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        output.push(line);
        try {
          const ready = JSON.parse(line) as { ready?: boolean; url?: string };
          if (ready.ready && ready.url) resolveUrl(ready.url);
        } catch {
          // A log line before the ready line.
        }
      });
      child.once('exit', (code) => reject(new Error(`lbt server exited with ${code}: ${output.join('\n')}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data dir with SQLite and answers GET /v1/health', async () => {
    const response = await fetch(`${url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a bad environment variable at the entry with exit 2, naming it', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin/lbt.mjs'), 'server', '--data', dataDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'loud' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/LOG_LEVEL="loud" is not allowed/);
  });

  it('refuses a bad --port, --rate-limit, --check-threads or --trust-proxy with exit 2, before starting', async () => {
    for (const [option, value, message] of [
      ['--port', '70000', /--port must be a port number/],
      ['--rate-limit', '0', /--rate-limit must be a whole number/],
      ['--check-threads', 'x', /--check-threads must be a whole number from 0 to 64/],
      ['--check-threads', '65', /--check-threads must be a whole number from 0 to 64/],
      [
        '--trust-proxy',
        'proxy.example.nl',
        /--trust-proxy takes IP addresses or CIDR blocks.*"proxy\.example\.nl"/,
      ],
      ['--trust-proxy', '10.0.0.0/33', /not "10\.0\.0\.0\/33"/],
      ['--trust-proxy', ' , ', /--trust-proxy needs at least one address/],
    ] as const) {
      const run = await lbtHere('server', [option, value, '--data', dataDir]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('enrolls a kiosk with a printed code, imports an export file once, and logs no candidate reference', async () => {
    const enroll = await lbtHere('devices enroll', [
      '--gemeente',
      'Utrecht',
      '--label',
      'balie 3',
      '--data',
      dataDir,
    ]);
    expect(enroll.status).toBe(0);
    const code = /[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}/.exec(enroll.stdout)?.[0];
    expect(code).toBeTruthy();
    expect(enroll.stdout).toMatch(/until \d{4}-\d{2}-\d{2}T/);
    const device = newDevice();
    const redeemed = await fetch(`${url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        deviceId: device.deviceId,
        keyId: device.keyId,
        publicKey: device.publicKey,
      }),
    });
    expect(redeemed.status).toBe(201);
    expect((await lbtHere('devices list', ['--data', dataDir])).stdout).toContain(device.deviceId);

    const pkg = realPackage();
    const uploaded = signedResult(device, { pkg, candidateRef: 'K-SECRET-0001' });
    expect((await postResult(url, uploaded)).status).toBe(201);
    const fresh = signedResult(device, { pkg, candidateRef: 'K-SECRET-0002' });
    const foreign = signedResult(newDevice(), { pkg });
    const file = join(dataDir, 'export.json');
    const exportFile = (results: unknown[]) =>
      writeFileSync(
        file,
        JSON.stringify({
          schema: RESULTS_EXPORT_SCHEMA,
          exportedAt: new Date().toISOString(),
          deviceId: device.deviceId,
          results,
        }),
      );
    exportFile([uploaded, fresh]);
    const imported = await lbtHere('results import', [file, '--server', url]);
    expect(imported.stdout).toContain('2 result(s): 1 stored, 1 duplicate, 0 refused');
    expect(imported.status).toBe(0);

    exportFile([foreign]);
    const refused = await lbtHere('results import', [file, '--server', url]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('0 stored, 0 duplicate, 1 refused');
    expect(refused.stderr).toContain('403 unknown-device');

    expect(output.join('\n')).toContain('"statusCode":201');
    expect(output.join('\n')).not.toContain('K-SECRET');

    expect((await lbtHere('devices revoke', [device.deviceId, '--data', dataDir])).status).toBe(0);
    expect((await lbtHere('devices list', ['--data', dataDir])).stdout).toMatch(/revoked/);
    expect((await lbtHere('devices revoke', ['lbt-dev-0000000000000000', '--data', dataDir])).status).toBe(1);
  });

  // One more process start (for the PIN on stdin): allow for a loaded machine.
  it('adds an afnemer with the PIN from stdin, renews, revokes and lists', { timeout: 120_000 }, async () => {
    const add = lbt(
      [
        'afnemers',
        'add',
        '--id',
        'AFN-12345',
        '--name',
        'A. de Vries',
        '--gemeente',
        'Utrecht',
        '--valid-until',
        '2027-06-30',
        '--data',
        dataDir,
      ],
      '48213\n',
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(
      (await lbtHere('afnemers renew', ['AFN-12345', '--valid-until', '2028-01-31', '--data', dataDir]))
        .status,
    ).toBe(0);
    const listed = (await lbtHere('afnemers list', ['--data', dataDir])).stdout;
    expect(listed).toMatch(/AFN-12345 .*A\. de Vries.*until 2028-01-31 {2}active/);
    expect(listed).not.toContain('48213');
    expect((await lbtHere('afnemers revoke', ['AFN-12345', '--data', dataDir])).status).toBe(0);
    expect((await lbtHere('afnemers list', ['--data', dataDir])).stdout).toMatch(/AFN-12345 .*revoked/);
    const badPin = await lbtHere('afnemers add', [
      '--id',
      'AFN-12346',
      '--name',
      'X',
      '--gemeente',
      'Utrecht',
      '--valid-until',
      '2027-06-30',
      '--pin',
      '12',
      '--data',
      dataDir,
    ]);
    expect(badPin.status).toBe(1);
    expect(badPin.stderr).toContain('5 or 6 digits');
  });
});
