/**
 * `lbt calibrate --package <hash>` against a real SQLite results database: results uploaded through the service,
 * then more rows of the same package with answers simulated from a known Rasch model, so the calibration has the
 * 200 sittings it needs and can be checked against the difficulties that made the answers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCalibrations, readCalibration } from '../../../../../src/server/calibration/report-store';
import { verifyAuditLog } from '../../../../../src/server/audit/verify';
import { loadOrCreateServerKey } from '../../../../../src/server/crypto/server-key';
import { CalibrationReport } from '../../../../../src/shared/psychometrics';
import { lbtInProcess } from '../../../../support/lbt-in-process';
import { SimulationRng, simulateResponses } from '../../../../psychometrics/simulate';
import {
  plan,
  realPackage,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe('lbt calibrate', () => {
  let service: ReviewService;
  let packageHash: string;
  let items: number;
  const outDir = mkdtempSync(join(tmpdir(), 'lbt-calibrate-'));

  beforeAll(async () => {
    service = await startReviewService('sqlite');
    const pkg = realPackage();
    packageHash = pkg.packageHash;
    items = pkg.definition.items.length;
    await seed(service, 'Utrecht', [
      plan(20, 'onbekend', '2026-05-01T10:00:00.000Z'),
      plan(30, 'onbekend', '2026-05-02T10:00:00.000Z'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('refuses too few sittings with the reason and what was left out', async () => {
    const run = await lbtInProcess('calibrate', '--package', packageHash, '--data', service.deps.dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/te weinig gegevens: 2 afnames, er zijn er minstens 200 nodig/);
    expect(run.stderr).toMatch(/left out: aborted 0, incomplete 0, scoreMismatch 0, fastAnswers 0/);
  });

  it('refuses an unknown package and a malformed hash', async () => {
    const unknown = await lbtInProcess(
      'calibrate',
      '--package',
      'f'.repeat(64),
      '--data',
      service.deps.dataDir,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/is not known to this service/);
    const bad = await lbtInProcess('calibrate', '--package', 'abc', '--data', service.deps.dataDir);
    expect(bad.code).toBe(2);
  });

  it('calibrates 300 simulated sittings and writes a report its schema accepts', async () => {
    const template = await service.deps.db.selectFrom('results').selectAll().executeTakeFirstOrThrow();
    const rng = new SimulationRng(11);
    const difficulties = Array.from({ length: items }, (_, i) => -2 + (4 * i) / (items - 1));
    const responses = simulateResponses(
      rng,
      Array.from({ length: 300 }, () => rng.normal()),
      difficulties,
    );
    await service.deps.db
      .insertInto('results')
      .values(
        responses.map((answers, n) => ({
          ...template,
          result_id: `sim-${n}`,
          session_id: `sim-${n}`,
          envelope_hash: `sim-${n}`,
          status: 'completed' as const,
          item_pattern: answers.join(''),
          raw: answers.reduce((s, x) => s + x, 0),
          closed_at: `2026-06-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000Z`,
        })),
      )
      .execute();
    const out = join(outDir, 'report.json');
    const run = await lbtInProcess(
      'calibrate',
      '--package',
      packageHash,
      '--data',
      service.deps.dataDir,
      '--out',
      out,
    );
    expect(run.stderr).toMatch(/Calibration of 302 result\(s\) written/);
    expect(run.code).toBe(0);
    const report = CalibrationReport.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.snapshot.packageHash).toBe(packageHash);
    expect(report.snapshot.resultCount).toBe(302);
    expect(report.snapshot.from).toBe('2026-05-01T10:00:00.000Z');
    expect(report.snapshot.to).toBe('2026-06-28T10:00:00.000Z');
    expect(report.items.map((item) => item.itemId)).toEqual(realPackage().definition.items);
    // The easiest simulated item comes out easier than the hardest, by about the simulated 4 logits.
    const spread = report.items.at(-1)!.difficulty - report.items[0]!.difficulty;
    expect(spread).toBeGreaterThan(3);
    expect(spread).toBeLessThan(5);
    // --out never overwrites.
    const again = await lbtInProcess(
      'calibrate',
      '--package',
      packageHash,
      '--data',
      service.deps.dataDir,
      '--out',
      out,
    );
    expect(again.code).toBe(1);
  });

  it('stores the report signed by the service key with --store', async () => {
    const run = await lbtInProcess(
      'calibrate',
      '--package',
      packageHash,
      '--store',
      '--data',
      service.deps.dataDir,
      '--out',
      join(outDir, 'stored.json'),
    );
    expect(run.code).toBe(0);
    const signing = await loadOrCreateServerKey(service.deps.db, { dataDir: service.deps.dataDir });
    const key = signing.pinned.keyId;
    expect(run.stderr).toMatch(new RegExp(`of 302 result\\(s\\) stored, signed by server key ${key}`));
    const printed = CalibrationReport.parse(JSON.parse(readFileSync(join(outDir, 'stored.json'), 'utf8')));
    const stored = await listCalibrations(service.deps.db, signing.pinned);
    expect(stored).toMatchObject([{ packageHash, resultCount: 302, createdBy: 'cli', valid: true }]);
    expect((await readCalibration(service.deps.db, signing.pinned, stored[0]!.reportId))!.report).toEqual(
      printed,
    );
    const audit = await service.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calibration.run')
      .execute();
    expect(audit.map((e) => [e.actor, e.role, e.gemeente, e.why, e.subject, JSON.parse(e.detail)])).toEqual([
      ['lbt', 'system', null, 'kalibratie', stored[0]!.reportId, { packageHash, results: 302 }],
    ]);
    expect(await verifyAuditLog(service.deps.db)).toMatchObject({ ok: true });
  });
});
