/**
 * The service keeps every item package it was started with (src/server/package-archive.ts): after an upgrade
 * started with the new version only, a result taken with the old version is still accepted and re-scored with
 * the old keys; an unknown package is still refused; a damaged archived row is named, and nothing else suffers.
 * Real HTTP, on SQLite and PostgreSQL, with checks on the request thread and in check threads.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../../../src/shared/results-service';
import { scoreResponses } from '../../../../src/shared/scoring';
import { readArchivedPackages } from '../../../../src/server/package-archive';
import type { ScoringPackage } from '../../../../src/server/packages';
import { freshPostgresDatabase } from '../../../support/postgres';
import { bumpedPackage, referencePackage100 } from '../../../support/reference-package';
import {
  enrollDevice,
  newDevice,
  postResult,
  signedResult,
  testPackage,
  type TestDevice,
} from '../../../support/results-service';
import {
  DB_KINDS,
  INGEST_SETUPS,
  startTestService,
  type DbKind,
  type TestService,
} from '../../../support/server-harness';

const OLD = referencePackage100();
const NEW = bumpedPackage(OLD);
const hashes = (list: ScoringPackage[]) => list.map((pkg) => pkg.packageHash);

/** One database that several service starts share, as an upgrade does. */
async function sharedDatabase(kind: DbKind) {
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'lbt-package-archive-')),
    databaseUrl: kind === 'postgres' ? await freshPostgresDatabase() : '',
  };
}

async function resultRow(service: TestService, resultId: string) {
  return service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('result_id', '=', resultId)
    .executeTakeFirstOrThrow();
}

describe.each(INGEST_SETUPS)('an upgraded service on %s with %i check threads', (kind, checkThreads) => {
  let place: Awaited<ReturnType<typeof sharedDatabase>>;
  let device: TestDevice;
  let service: TestService;

  beforeAll(async () => {
    place = await sharedDatabase(kind);
    const before = await startTestService(kind, { ...place, packages: [OLD], checkThreads });
    device = newDevice();
    await enrollDevice(before.url, before.deps, device);
    await before.stop();
    // Started twice with the new package: archiving it again changes nothing.
    await (await startTestService(kind, { ...place, packages: [NEW], checkThreads })).stop();
    service = await startTestService(kind, { ...place, packages: [NEW], checkThreads });
  });
  afterAll(async () => {
    await service.stop();
    rmSync(place.dataDir, { recursive: true, force: true });
  });

  it('knows the new package as given and the old one from its archive, each once', async () => {
    expect(hashes(service.packages.given)).toEqual([NEW.packageHash]);
    expect(hashes(service.packages.archived)).toEqual([OLD.packageHash]);
    expect(service.packages.damaged).toEqual([]);
    const rows = await service.deps.db.selectFrom('scoring_packages').select('package_hash').execute();
    expect(rows.map((r) => r.package_hash).sort()).toEqual([OLD.packageHash, NEW.packageHash].sort());
  });

  it('reads back both item schemas as they were archived: lbt.item/1 and lbt.item/2 with its proof', async () => {
    const read = await readArchivedPackages(service.deps.db);
    const byHash = new Map(read.packages.map((pkg) => [pkg.packageHash, pkg]));
    expect(byHash.get(OLD.packageHash)).toEqual(OLD);
    expect(byHash.get(NEW.packageHash)).toEqual(NEW);
    expect(NEW.items[0]!.proof).toBeDefined();
  });

  it('accepts a result taken with the old version and re-scores it with the old keys', async () => {
    const envelope = signedResult(device, { pkg: OLD });
    const responses = Object.fromEntries(envelope.payload.items.map((i) => [i.itemId, i.response]));
    const withOld = scoreResponses(OLD.definition, OLD.items, responses);
    const withNew = scoreResponses(NEW.definition, NEW.items, responses);
    // Otherwise this test could not tell which keys the service used.
    expect(withNew.raw).not.toBe(withOld.raw);

    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual([]);
    const row = await resultRow(service, envelope.payload.resultId);
    expect(row).toMatchObject({
      package_hash: OLD.packageHash,
      raw: withOld.raw,
      raw_client: withOld.raw,
      max: 40,
      score_mismatch: 0,
      outcome: 'haalbaar',
    });
  });

  it('re-scores a result of the new version with the new keys', async () => {
    const envelope = signedResult(device, { pkg: NEW });
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual([]);
    expect(await resultRow(service, envelope.payload.resultId)).toMatchObject({
      package_hash: NEW.packageHash,
      raw: 40,
    });
  });

  it('flags an old result whose device score was computed with the new keys', async () => {
    const envelope = signedResult(device, { pkg: OLD, claimedRaw: 24 });
    const answer = await postResult(service.url, envelope);
    expect(answer.status).toBe(201);
    expect(answer.json.flags).toEqual(['score-mismatch']);
    expect(await resultRow(service, envelope.payload.resultId)).toMatchObject({ raw: 40, raw_client: 24 });
  });

  it('still refuses a result naming a package it never had with 422 unknown-package', async () => {
    const answer = await postResult(
      service.url,
      signedResult(device, { pkg: OLD, packageHash: 'c'.repeat(64) }),
    );
    expect(answer.status).toBe(422);
    const problem = Problem.parse(answer.json);
    expect(problem.code).toBe('unknown-package');
    expect(problem.detail).toBe(`The service has no item package with hash ${'c'.repeat(64)}.`);
  });
});

describe.each(DB_KINDS)('a damaged archived package on %s', (kind) => {
  let place: Awaited<ReturnType<typeof sharedDatabase>>;
  let device: TestDevice;

  beforeAll(async () => {
    place = await sharedDatabase(kind);
    const first = await startTestService(kind, { ...place, packages: [OLD, NEW, testPackage] });
    device = newDevice();
    await enrollDevice(first.url, first.deps, device);
    const db = first.deps.db;
    // OLD: an item that no longer matches the item schema, with a checksum that fits (so zod must catch it).
    const old = await db
      .selectFrom('scoring_packages')
      .selectAll()
      .where('package_hash', '=', OLD.packageHash)
      .executeTakeFirstOrThrow();
    const items = old.items.replace('"kind":"order"', '"kind":"shuffle"');
    const parts = createHash('sha256').update(`${old.definition}\n${items}`).digest('hex');
    await db
      .updateTable('scoring_packages')
      .set({ items, parts_sha256: parts })
      .where('package_hash', '=', OLD.packageHash)
      .execute();
    // NEW: one key changed in place, still a valid item: only the checksum shows it.
    const fresh = await db
      .selectFrom('scoring_packages')
      .select('items')
      .where('package_hash', '=', NEW.packageHash)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('scoring_packages')
      .set({ items: fresh.items.replace('"optionId":"keuze-1"', '"optionId":"keuze-2"') })
      .where('package_hash', '=', NEW.packageHash)
      .execute();
    await first.stop();
  });
  afterAll(() => rmSync(place.dataDir, { recursive: true, force: true }));

  it('starts, names each damaged package by hash, refuses only their results, and repairs one given again', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const service = await startTestService(kind, { ...place, packages: [testPackage], logStream });
    try {
      expect(service.packages.archived).toEqual([]);
      const damaged = new Map(service.packages.damaged.map((d) => [d.packageHash, d.problem]));
      expect(damaged.get(OLD.packageHash)).toMatch(
        new RegExp(
          `^The archived copy of item package ${OLD.packageHash} is damaged: the item list does not match its schema \\(\\$\\[\\d+\\]\\.`,
        ),
      );
      expect(damaged.get(NEW.packageHash)).toBe(
        `The archived copy of item package ${NEW.packageHash} is damaged: its test definition or items changed after they were archived (the checksum differs).`,
      );
      const logged = lines.map(
        (line) => JSON.parse(line) as { level: number; packageHash?: string; msg: string },
      );
      expect(
        logged
          .filter((l) => l.level === 50 && l.packageHash)
          .map((l) => l.packageHash)
          .sort(),
      ).toEqual([OLD.packageHash, NEW.packageHash].sort());

      const refused = await postResult(service.url, signedResult(device, { pkg: OLD }));
      expect(refused.status).toBe(422);
      const problem = Problem.parse(refused.json);
      expect(problem.code).toBe('unknown-package');
      expect(problem.detail).toContain(`archived copy of item package ${OLD.packageHash} is damaged`);
      // Other packages are not affected.
      expect((await postResult(service.url, signedResult(device))).status).toBe(201);
    } finally {
      await service.stop();
    }

    const repaired = await startTestService(kind, { ...place, packages: [OLD] });
    try {
      expect(hashes(repaired.packages.archived)).toEqual([testPackage.packageHash]);
      expect(repaired.packages.damaged.map((d) => d.packageHash)).toEqual([NEW.packageHash]);
      expect((await postResult(repaired.url, signedResult(device, { pkg: OLD }))).status).toBe(201);
    } finally {
      await repaired.stop();
    }
    const again = await startTestService(kind, { ...place, packages: [testPackage] });
    try {
      expect(hashes(again.packages.archived)).toEqual([OLD.packageHash]);
    } finally {
      await again.stop();
    }
  });
});
