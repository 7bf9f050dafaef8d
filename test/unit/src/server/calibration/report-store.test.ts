/**
 * The stored, signed calibration report on a real database (SQLite, and PostgreSQL where it runs): a record is
 * built from simulated Rasch sittings, signed with an Ed25519 key, stored, listed and read back verified; a row
 * changed after signing, a row signed by another key and a row whose columns disagree are refused.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationFor } from '../../../../../src/server/calibration/calibration-for';
import type { DifSource } from '../../../../../src/server/calibration/dif-conditions';
import {
  CalibrationSignatureError,
  calibrationRecord,
  listCalibrations,
  readCalibration,
  resultIdsSha256,
  signCalibration,
  newestVerifiedCalibration,
  storeCalibration,
} from '../../../../../src/server/calibration/report-store';
import { keyIdOfRaw, rawPublicKeyBase64 } from '../../../../../src/server/crypto/ed25519';
import type { ServerSigningKey } from '../../../../../src/server/crypto/server-key';
import { openServerDeps, type OpenedDeps } from '../../../../../src/server/open-deps';
import type { ScoringPackage } from '../../../../../src/server/packages';
import { PsychometricsInputError } from '../../../../../src/shared/psychometrics';
import { freshPostgresDatabase } from '../../../../support/postgres';
import { DB_KINDS } from '../../../../support/server-harness';

const HASH = 'ab'.repeat(32);
const ITEMS = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'];
const DIFFICULTY = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5];
const pkg = { packageHash: HASH, definition: { items: ITEMS } } as unknown as ScoringPackage;

function serverKey(): ServerSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKeyBase64(createPublicKey(privateKey));
  return { pinned: { keyId: keyIdOfRaw(Buffer.from(publicKey, 'base64')), publicKey }, privateKey };
}

/** mulberry32: the same sittings on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 500 Rasch sittings (ability ~ uniform -2..2), 150 of them in Arabic; and two that must be left out. */
function sittings(): DifSource[] {
  const next = random(20261207);
  const rows: DifSource[] = [];
  for (let n = 0; n < 500; n++) {
    const theta = next() * 4 - 2;
    const pattern = DIFFICULTY.map((b) => (next() < 1 / (1 + Math.exp(b - theta)) ? '1' : '0')).join('');
    rows.push({
      result_id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      status: 'completed',
      item_pattern: pattern,
      score_mismatch: 0,
      fast_answers: 0,
      closed_at: new Date(Date.UTC(2026, 4, 1) + n * 60_000).toISOString(),
      language: n % 10 < 3 ? 'ar' : 'nl',
      input_type: n % 2 ? 'mouse' : 'touch',
      interpreter: null,
      doelgroep: 'asiel',
      group_size: 1,
      device_model: 'Tablet X',
    });
  }
  rows.push({ ...rows[0]!, result_id: '00000000-0000-7000-8000-900000000001', status: 'aborted' });
  rows.push({ ...rows[1]!, result_id: '00000000-0000-7000-8000-900000000002', fast_answers: 1 });
  return rows;
}

const RUN = {
  reportId: '0193a5b0-0000-4000-8000-000000000001',
  createdAt: '2026-12-07T05:00:00.000Z',
  createdBy: 'beheerder.a',
};

describe('the calibration record', () => {
  it('rests on the complete, unflagged sittings, names them by hash and compares conditions', () => {
    const rows = sittings();
    const record = calibrationRecord(rows, pkg, RUN);
    expect(record.data.resultCount).toBe(500);
    expect(record.data.rawScoreCounts).toHaveLength(9);
    expect(record.data.rawScoreCounts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(record.data.resultIdsSha256).toBe(resultIdsSha256(rows.slice(0, 500).map((r) => r.result_id)));
    expect(record.report.snapshot.excluded).toEqual({
      aborted: 1,
      incomplete: 0,
      scoreMismatch: 0,
      fastAnswers: 1,
    });
    expect(record.report.items.map((i) => i.itemId)).toEqual(ITEMS);
    // The simulated order of difficulty comes back.
    const b = record.report.items.map((i) => i.difficulty);
    expect(b[0]).toBeLessThan(b[3]!);
    expect(b[7]).toBeGreaterThan(b[4]!);
    const language = record.dif.find((d) => d.condition === 'language')!;
    expect([language.reference, language.focal, language.referenceCount, language.focalCount]).toEqual([
      'nl',
      'ar',
      350,
      150,
    ]);
    // One group only (doelgroep, group size, device) gives nothing to compare; no interpreter recorded either.
    expect(record.dif.map((d) => d.condition)).toEqual(['language', 'inputType']);
  });

  it('refuses too few sittings with the engine reason in Dutch', () => {
    expect(() => calibrationRecord(sittings().slice(0, 50), pkg, RUN)).toThrow(PsychometricsInputError);
    expect(() => calibrationRecord(sittings().slice(0, 50), pkg, RUN)).toThrow(/te weinig gegevens/);
  });
});

describe.each(DB_KINDS)('stored calibration reports on %s', (kind) => {
  let dir: string;
  let opened: OpenedDeps;
  const key = serverKey();
  const record = calibrationRecord(sittings(), pkg, RUN);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lbt-calibration-store-'));
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
    opened = await openServerDeps({ dataDir: dir, databaseUrl });
    await storeCalibration(opened.deps.db, signCalibration(key, record));
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists and reads back the signed report', async () => {
    expect(await listCalibrations(opened.deps.db, key.pinned)).toEqual([
      {
        reportId: RUN.reportId,
        packageHash: HASH,
        createdAt: RUN.createdAt,
        createdBy: 'beheerder.a',
        resultCount: 500,
        valid: true,
      },
    ]);
    expect(await readCalibration(opened.deps.db, key.pinned, RUN.reportId)).toEqual(record);
    expect(
      await readCalibration(opened.deps.db, key.pinned, '0193a5b0-0000-4000-8000-00000000ffff'),
    ).toBeNull();
  });

  it('gives the sheet the newest report that verifies, and passes over one that does not', async () => {
    const db = opened.deps.db;
    expect((await newestVerifiedCalibration(db, key.pinned, HASH))?.reportId).toBe(RUN.reportId);
    expect(await newestVerifiedCalibration(db, key.pinned, 'f'.repeat(64))).toBeNull();
    // calibrationFor reads the stored report when it is given the key: the very numbers that were signed.
    expect(await calibrationFor(db, HASH, key.pinned)).toEqual(record.report);
    // Under another key the stored report does not verify: it is passed over, never used.
    expect(await newestVerifiedCalibration(db, serverKey().pinned, HASH)).toBeNull();
  });

  it('refuses a report signed by another key', async () => {
    await expect(readCalibration(opened.deps.db, serverKey().pinned, RUN.reportId)).rejects.toThrow(
      /niet met de sleutel van deze dienst/,
    );
  });

  it('refuses a report whose columns disagree with what was signed', async () => {
    const db = opened.deps.db;
    await db.updateTable('calibration_reports').set({ result_count: 5000 }).execute();
    await expect(readCalibration(db, key.pinned, RUN.reportId)).rejects.toThrow(/wijken af/);
    await db.updateTable('calibration_reports').set({ result_count: 500 }).execute();
  });

  it('refuses a report changed after signing, and lists it as invalid', async () => {
    const db = opened.deps.db;
    const row = await db.selectFrom('calibration_reports').select('signed').executeTakeFirstOrThrow();
    const signed = JSON.parse(row.signed) as { payload: { report: { kr20: number } } };
    signed.payload.report.kr20 = 0.95;
    await db
      .updateTable('calibration_reports')
      .set({ signed: JSON.stringify(signed) })
      .execute();
    const read = readCalibration(db, key.pinned, RUN.reportId);
    await expect(read).rejects.toBeInstanceOf(CalibrationSignatureError);
    await expect(readCalibration(db, key.pinned, RUN.reportId)).rejects.toThrow(
      /klopt niet met zijn handtekening/,
    );
    expect((await listCalibrations(db, key.pinned)).map((s) => s.valid)).toEqual([false]);
    await db.updateTable('calibration_reports').set({ signed: '{"not":"a report"' }).execute();
    await expect(readCalibration(db, key.pinned, RUN.reportId)).rejects.toThrow(/beschadigd/);
  });
});
