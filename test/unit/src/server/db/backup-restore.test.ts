/**
 * Backup and restore of a PostgreSQL deployment (docs/OPERATIONS.md, "Several instances on one PostgreSQL"):
 * `pg_dump -Fc` of a live database, `pg_restore` into an empty one, and a service started on the copy with the
 * backed-up signing key gives back every result with its signed bytes, the same review counts, an intact audit
 * chain, and answers an upload it already holds as a duplicate. With another key it refuses to start, which is
 * why the key is backed up beside the dump (it never lives in the database).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../../src/server/audit/verify';
import { findBin, freshPostgresDatabase, postgresUnavailable } from '../../../../support/postgres';
import { recountReview } from '../../../../support/review-recount';
import { enrollDevice, newDevice, postResult, signedResult } from '../../../../support/results-service';
import { startTestService, type TestService } from '../../../../support/server-harness';

const missing =
  postgresUnavailable() ??
  (findBin('pg_dump') && findBin('pg_restore') ? null : 'pg_dump/pg_restore not installed');
if (missing) console.log(`backup-restore: skipped: ${missing}`);

function run(bin: string, args: string[]): void {
  const done = spawnSync(findBin(bin)!, args, { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${bin} failed: ${done.stderr}`);
}

describe.skipIf(missing !== null)('a PostgreSQL backup restored into an empty database', () => {
  const dirs: string[] = [];
  const services: TestService[] = [];
  const dir = () => {
    const made = mkdtempSync(join(tmpdir(), 'lbt-restore-'));
    dirs.push(made);
    return made;
  };
  afterAll(async () => {
    for (const service of services) await service.stop().catch(() => undefined);
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  });

  it('gives back every result, the review counts and the audit chain, and knows its old uploads', async () => {
    const source = await freshPostgresDatabase();
    const live = await startTestService('postgres', { databaseUrl: source, dataDir: dir() });
    services.push(live);
    const device = newDevice();
    await enrollDevice(live.url, live.deps, device);
    const envelopes = Array.from({ length: 6 }, (_, i) =>
      signedResult(device, { candidateRef: `KND2026${String(i).padStart(3, '0')}` }),
    );
    for (const envelope of envelopes) expect((await postResult(live.url, envelope)).status).toBe(201);
    const before = await live.deps.db
      .selectFrom('results')
      .select(['result_id', 'payload_hash'])
      .orderBy('result_id')
      .execute();
    const countsBefore = await recountReview(live.deps.db);

    // The backup: a custom-format dump of the live database, and the key file kept beside it.
    const backup = join(dir(), 'lbt.dump');
    run('pg_dump', ['-Fc', '-f', backup, source]);
    const keyPem = readFileSync(join(live.dataDir, 'server-key.pem'), 'utf8');
    await live.stop();
    services.pop();

    const target = await freshPostgresDatabase();
    run('pg_restore', ['--no-owner', '-d', target, backup]);

    // Without the backed-up key the restored service refuses to start: receipts would no longer verify.
    await expect(startTestService('postgres', { databaseUrl: target, dataDir: dir() })).rejects.toThrow();

    const restoredDir = dir();
    writeFileSync(join(restoredDir, 'server-key.pem'), keyPem, { mode: 0o600 });
    const restored = await startTestService('postgres', { databaseUrl: target, dataDir: restoredDir });
    services.push(restored);
    const after = await restored.deps.db
      .selectFrom('results')
      .select(['result_id', 'payload_hash'])
      .orderBy('result_id')
      .execute();
    expect(after).toEqual(before);
    const countsAfter = await recountReview(restored.deps.db);
    expect(countsAfter).toEqual(countsBefore);
    expect(countsAfter.counted).toEqual(countsAfter.direct);
    expect((await verifyAuditLog(restored.deps.db)).ok).toBe(true);

    // An upload the backup already holds is a duplicate, not a second row; a new one is stored.
    const again = await postResult(restored.url, envelopes[0]);
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    const fresh = await postResult(restored.url, signedResult(device, { candidateRef: 'KND2026999' }));
    expect(fresh.status).toBe(201);
    const total = await restored.deps.db
      .selectFrom('results')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(before.length + 1);
  });
});
