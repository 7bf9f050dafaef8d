/**
 * The service's data dir and files are owner-only, loosened ones are refused at start, and the signing key lives
 * in a 0600 file (or is injected), never in the database: also after migrating a database that held it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyFromRaw, verifyJson } from '../../../../../src/host/signing';
import { IngestResponse } from '../../../../../src/shared/results-service';
import { SERVER_KEY_FILE } from '../../../../../src/server/crypto/server-key';
import { rawPublicKeyBase64 } from '../../../../../src/server/crypto/ed25519';
import { connectDatabase, SQLITE_FILE } from '../../../../../src/server/db/open';
import { migrationProvider } from '../../../../../src/server/db/migrations';
import type { ServiceDeps } from '../../../../../src/server/service-deps';
import { startResultsService } from '../../../../../src/server/start';
import { freshPostgresDatabase } from '../../../../support/postgres';
import {
  enrollDevice,
  newDevice,
  postResult,
  signedResult,
  testPackage,
} from '../../../../support/results-service';
import { DB_KINDS, startTestService, type DbKind } from '../../../../support/server-harness';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function newDataDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lbt-key-custody-')), 'data');
  dirs.push(dir, join(dir, '..'));
  return dir;
}

/** Every value of every table, as one text: the private key must not be in it. */
async function everyRow(db: Kysely<never>, kind: DbKind): Promise<string> {
  const tables =
    kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema()`.execute(db);
  const names = tables.rows.map((r) => r.name);
  let text = names.join('\n');
  for (const name of names) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(db);
    text += JSON.stringify(rows.rows);
  }
  return text;
}

function privateKeyText(dataDir: string): { pem: string; der: string } {
  const pem = readFileSync(join(dataDir, SERVER_KEY_FILE), 'utf8');
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
  return { pem, der: body };
}

async function expectReceiptVerifies(
  url: string,
  deps: Parameters<typeof enrollDevice>[1],
  publicKey: string,
) {
  const device = newDevice();
  const enrolled = await enrollDevice(url, deps, device);
  expect(enrolled.serverKey.publicKey).toBe(publicKey);
  const answer = await postResult(url, signedResult(device));
  expect(answer.status).toBe(201);
  const { receipt } = IngestResponse.parse(answer.json);
  expect(verifyJson(receipt, publicKeyFromRaw(Buffer.from(publicKey, 'base64')))).toEqual({ ok: true });
}

describe.each(DB_KINDS)('key custody on %s', (kind) => {
  it('creates the data dir 0700 and its files 0600, with the key in its own file and in no table', async () => {
    const dataDir = newDataDir();
    const service = await startTestService(kind, { dataDir });
    try {
      await expectReceiptVerifies(
        service.url,
        service.deps,
        (service.deps as ServiceDeps).serverKey.pinned.publicKey,
      );
      expect(modeOf(dataDir)).toBe(0o700);
      const files = [
        SERVER_KEY_FILE,
        ...(kind === 'sqlite' ? [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`] : []),
      ];
      for (const file of files) expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600]);
      const { der } = privateKeyText(dataDir);
      const rows = await everyRow(service.deps.db as never, kind);
      expect(rows).not.toContain(der);
      expect(rows).not.toContain('server_keys');
    } finally {
      await service.stop();
    }
  });

  it('refuses to start on a data dir, database file or key file that others can read', async () => {
    const dataDir = newDataDir();
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
    const start = () => startTestService(kind, { dataDir, databaseUrl });
    await (await start()).stop();
    const cases: [string, number, RegExp][] = [
      [dataDir, 0o755, /data directory .* mode is 0755.*chmod 700/],
      [join(dataDir, SERVER_KEY_FILE), 0o644, /server key file .* mode is 0644.*chmod 600/],
      ...(kind === 'sqlite'
        ? ([[join(dataDir, SQLITE_FILE), 0o644, /database file .* mode is 0644.*chmod 600/]] as [
            string,
            number,
            RegExp,
          ][])
        : []),
    ];
    for (const [path, loose, message] of cases) {
      const tight = modeOf(path);
      chmodSync(path, loose);
      await expect(start()).rejects.toThrow(message);
      chmodSync(path, tight);
    }
    await (await start()).stop();
  });

  it('moves a key kept in the database by an older version into the key file; receipts verify with the same key', async () => {
    const dataDir = newDataDir();
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
    const location = { dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const raw = rawPublicKeyBase64(publicKey);
    const { createHash } = await import('node:crypto');
    const keyId = createHash('sha256').update(Buffer.from(raw, 'base64')).digest('hex');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { mode: 0o700 });
    const old = connectDatabase(location, 1);
    try {
      const migrated = await new Migrator({ db: old.db, provider: migrationProvider(dataDir) }).migrateTo(
        '006-scoring-packages',
      );
      expect(migrated.error).toBeUndefined();
      const db = old.db as unknown as Kysely<Record<string, Record<string, string>>>;
      await db.insertInto('meta').values({ key: 'server-key', value: keyId }).execute();
      await db
        .insertInto('server_keys')
        .values({ key_id: keyId, public_key: raw, private_key: der, created_at: '2026-01-01T00:00:00.000Z' })
        .execute();
    } finally {
      await old.db.destroy();
    }
    expect(existsSync(join(dataDir, SERVER_KEY_FILE))).toBe(false);

    const service = await startTestService(kind, { dataDir, databaseUrl });
    try {
      expect((service.deps as ServiceDeps).serverKey.pinned).toEqual({ keyId, publicKey: raw });
      expect(modeOf(join(dataDir, SERVER_KEY_FILE))).toBe(0o600);
      expect(privateKeyText(dataDir).der).toBe(der);
      const rows = await everyRow(service.deps.db as never, kind);
      expect(rows).not.toContain(der);
      expect(rows).not.toContain('server_keys');
      if (kind === 'sqlite') {
        // Not in freed pages or the WAL either: a copy of the files does not carry it.
        for (const file of [SQLITE_FILE, `${SQLITE_FILE}-wal`]) {
          const bytes = readFileSync(join(dataDir, file));
          expect(bytes.includes(Buffer.from(der)), file).toBe(false);
          expect(bytes.includes(privateKey.export({ format: 'der', type: 'pkcs8' })), file).toBe(false);
        }
      }
      await expectReceiptVerifies(service.url, service.deps, raw);
    } finally {
      await service.stop();
    }
  });

  it('takes an injected key (no key file), and refuses to sign with another key than the database pinned', async () => {
    const dataDir = newDataDir();
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
    const pem = (key = generateKeyPairSync('ed25519').privateKey) =>
      key.export({ format: 'pem', type: 'pkcs8' }).toString();
    const injected = pem();
    const start = (serverKeyPem: string) =>
      startResultsService({
        dataDir,
        databaseUrl,
        packages: [testPackage],
        logLevel: 'silent',
        serverKeyPem,
      });
    const service = await start(injected);
    try {
      expect(existsSync(join(dataDir, SERVER_KEY_FILE))).toBe(false);
      await expectReceiptVerifies(
        service.url,
        service.deps,
        (service.deps as ServiceDeps).serverKey.pinned.publicKey,
      );
    } finally {
      await service.close();
    }
    await expect(start(pem())).rejects.toThrow(/signed with server key .* give every instance the same key/);
    await expect(start('')).rejects.toThrow(/is missing and no LBT_SERVER_KEY is set/);
  });
});
