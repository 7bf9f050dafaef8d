/**
 * The review login's lockout per (username, client address), against the real service over HTTP on 127.0.0.1,
 * on SQLite and PostgreSQL. Each simulated client binds its own loopback source address (127.0.x.y all reach
 * the server's 127.0.0.1 on Linux), so `request.ip` really differs per client without any header tricks.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../../../src/server/db/open';
import { migrationProvider } from '../../../../../src/server/db/migrations';
import {
  ACCOUNT_MAX,
  addressKey,
  LOCK_MINUTES,
  MAX_FAILURES,
} from '../../../../../src/server/review/login-failures';
import { hashPassword } from '../../../../../src/server/review/passwords';
import { createUser } from '../../../../../src/server/review/users';
import { freshPostgresDatabase } from '../../../../support/postgres';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';

const PASSWORD = 'een-lang-wachtwoord';
const wrong = (i: number) => `fout-wachtwoord-${i}`;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One browser on one client address: a cookie jar and the CSRF token, like the dashboard page. */
class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(
    private readonly port: number,
    readonly address: string,
    /** Headers a reverse proxy would add for the client behind it. */
    private readonly forwarded?: { for: string; proto: 'http' | 'https' },
  ) {}

  send(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (this.forwarded) {
      headers['x-forwarded-for'] = this.forwarded.for;
      headers['x-forwarded-proto'] = this.forwarded.proto;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          localAddress: this.address,
          method,
          path,
          headers,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [name, value = ''] = line.split(';')[0]!.split('=');
              this.cookies.set(name!, value);
            }
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async login(username: string, password = PASSWORD): Promise<Answer> {
    if (!this.csrf) {
      const session = await this.send('GET', '/v1/review/session');
      this.csrf = (JSON.parse(session.body) as { csrfToken: string }).csrfToken;
    }
    const answer = await this.send('POST', '/v1/review/login', { username, password });
    // Logged in: the next login here starts like a new tab on this address (a fresh pre-session token).
    if (answer.status === 200) {
      this.cookies.clear();
      this.csrf = '';
    }
    return answer;
  }
}

/** Everything a client sees of an answer except what changes with the wall clock. */
function observable(answer: Answer) {
  const { date: _date, 'x-ratelimit-reset': _reset, ...headers } = answer.headers;
  return { status: answer.status, headers, body: answer.body };
}

/**
 * Viewer accounts with PASSWORD. These tests make about a hundred logins, so the accounts get a cheap hash (the
 * stored form carries its own scrypt cost, so the login path is the production one); unknown names still cost
 * the full dummy hash.
 */
async function addAccounts(service: TestService, usernames: string[]): Promise<void> {
  for (const username of usernames) {
    await createUser(service.deps.db, service.clock.now(), {
      username,
      gemeente: 'Utrecht',
      role: 'viewer',
      password: PASSWORD,
    });
  }
  await service.deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(PASSWORD, { N: 1 << 10, r: 8, p: 1 }) })
    .where('username', 'in', usernames)
    .execute();
}

describe.each(DB_KINDS)('review login limits on %s', (kind) => {
  let service: TestService;
  const browser = (address: string) => new Browser(service.port, address);
  const users = ['r.jansen', 'k.bakker', 'm.visser', 'p.smit'];

  beforeAll(async () => {
    service = await startTestService(kind);
    await addAccounts(service, users);
  });
  afterAll(async () => service?.stop());

  const rowsOf = (username: string) =>
    service.deps.db
      .selectFrom('login_failures')
      .select(['address', 'failures'])
      .where('username', '=', username)
      .orderBy('address')
      .execute();

  it('locks a username only from the address that failed, without saying until when', async () => {
    const a = browser('127.0.1.1');
    const b = browser('127.0.1.2');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await a.login('r.jansen', wrong(i))).status).toBe(401);
    const locked = await a.login('r.jansen');
    expect(locked.status).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    const problem = JSON.parse(locked.body) as { code: string; detail: string };
    expect(problem.code).toBe('rate-limited');
    expect(problem.detail).not.toMatch(/\d{4}-\d\d-\d\d|account|r\.jansen/);
    // The same account from another address: the right password still works.
    expect((await b.login('r.jansen')).status).toBe(200);
    // B's success did not unlock A; the username is normalized before it is counted.
    expect((await a.login('  R.Jansen ')).status).toBe(429);
    service.clock.advance(LOCK_MINUTES * 60_000);
    expect((await a.login('r.jansen')).status).toBe(200);
  });

  it('answers an unknown username with exactly the bytes an existing one gets', async () => {
    const known = browser('127.0.2.1');
    const unknown = browser('127.0.2.2');
    const knownAnswers: Answer[] = [];
    const unknownAnswers: Answer[] = [];
    for (let i = 0; i <= MAX_FAILURES; i++) {
      // The last attempt of the known name carries its right password: the lock must not reveal it either.
      knownAnswers.push(await known.login('k.bakker', i < MAX_FAILURES ? wrong(i) : PASSWORD));
      unknownAnswers.push(await unknown.login('niet.bestaand', i < MAX_FAILURES ? wrong(i) : PASSWORD));
    }
    expect(knownAnswers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknownAnswers.map(observable)).toEqual(knownAnswers.map(observable));
    // Both names are counted the same way in the database.
    expect(await rowsOf('k.bakker')).toEqual([{ address: '127.0.2.1', failures: MAX_FAILURES }]);
    expect(await rowsOf('niet.bestaand')).toEqual([{ address: '127.0.2.2', failures: MAX_FAILURES }]);
  });

  it('locks a username for every address once all addresses together reach the ceiling', async () => {
    const guessers = ACCOUNT_MAX / MAX_FAILURES;
    for (let n = 1; n <= guessers; n++) {
      const guesser = browser(`127.0.3.${n}`);
      for (let i = 0; i < MAX_FAILURES; i++)
        expect((await guesser.login('m.visser', wrong(i))).status).toBe(401);
    }
    const owner = browser('127.0.3.200');
    const refused = await owner.login('m.visser');
    expect(refused.status).toBe(429);
    const pairLocked = await browser(`127.0.3.1`).login('m.visser');
    // The same text as a pair lock (the rate-limit headers count per address, so only the body is compared).
    expect(refused.body).toBe(pairLocked.body);
    // Other accounts from the same address are not touched.
    expect((await owner.login('p.smit')).status).toBe(200);
    service.clock.advance(LOCK_MINUTES * 60_000);
    expect((await owner.login('m.visser')).status).toBe(200);
  });

  it('clears only its own (username, address) pair on a successful login', async () => {
    const a = browser('127.0.4.1');
    const b = browser('127.0.4.2');
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await a.login('p.smit', wrong(i))).status).toBe(401);
      expect((await b.login('p.smit', wrong(i))).status).toBe(401);
    }
    expect((await a.login('p.smit')).status).toBe(200);
    expect(await rowsOf('p.smit')).toEqual([{ address: '127.0.4.2', failures: MAX_FAILURES - 1 }]);
    // B still has its four failures: one more and it is locked.
    expect((await b.login('p.smit', wrong(9))).status).toBe(401);
    expect((await b.login('p.smit')).status).toBe(429);
    // A starts again from zero: four failures and the right password get in.
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await a.login('p.smit', wrong(i))).status).toBe(401);
    expect((await a.login('p.smit')).status).toBe(200);
  });

  it('prunes expired rows on the next attempt, so a spray of names does not pile up', async () => {
    const sprayer = browser('127.0.5.1');
    for (let i = 0; i < 20; i++) expect((await sprayer.login(`spray.${i}`, wrong(i))).status).toBe(401);
    const sprayed = await service.deps.db
      .selectFrom('login_failures')
      .select('username')
      .where('address', '=', '127.0.5.1')
      .execute();
    expect(sprayed).toHaveLength(20);
    service.clock.advance(LOCK_MINUTES * 60_000);
    expect((await browser('127.0.5.2').login('r.jansen', wrong(0))).status).toBe(401);
    const left = await service.deps.db.selectFrom('login_failures').select(['username', 'address']).execute();
    expect(left).toEqual([{ username: 'r.jansen', address: '127.0.5.2' }]);
  });
});

describe('review login behind a reverse proxy', () => {
  const PROXY = '127.0.8.1';
  // What a client behind the proxy looks like: the socket is the proxy's, the client is in X-Forwarded-For.
  const via = (service: TestService, client: string) =>
    new Browser(service.port, PROXY, { for: client, proto: 'https' });
  const lockFrom = async (browser: Browser) => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await browser.login('r.jansen', wrong(i))).status).toBe(401);
    expect((await browser.login('r.jansen')).status).toBe(429);
  };

  it('trusted (--trust-proxy): counts each forwarded client apart and marks the cookies Secure', async () => {
    const service = await startTestService('sqlite', { trustProxy: [PROXY] });
    try {
      await addAccounts(service, ['r.jansen']);
      await lockFrom(via(service, '203.0.113.7'));
      expect(
        await service.deps.db.selectFrom('login_failures').select(['address', 'failures']).execute(),
      ).toEqual([{ address: '203.0.113.7', failures: MAX_FAILURES }]);
      // Another person behind the same proxy is not locked out by the first one's wrong passwords.
      const other = await via(service, '198.51.100.9').login('r.jansen');
      expect(other.status).toBe(200);
      const cookies = other.headers['set-cookie'] ?? [];
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      await service.stop();
    }
  });

  it('not trusted (the default): X-Forwarded-For picks no address and X-Forwarded-Proto no Secure flag', async () => {
    const service = await startTestService('sqlite');
    try {
      await addAccounts(service, ['r.jansen']);
      await lockFrom(via(service, '203.0.113.7'));
      // The forwarded header is the sender's word: the lock is on the socket's address, whatever it claims.
      expect((await via(service, '198.51.100.9').login('r.jansen')).status).toBe(429);
      const fresh = await new Browser(service.port, '127.0.8.2', {
        for: '203.0.113.7',
        proto: 'https',
      }).login('r.jansen');
      expect(fresh.status).toBe(200);
      for (const cookie of fresh.headers['set-cookie'] ?? []) expect(cookie).not.toMatch(/;\s*Secure/i);
    } finally {
      await service.stop();
    }
  });
});

describe.each(DB_KINDS)('the login_failures migration on %s', (kind) => {
  it('applies to a database made before it and ignores the old per-account lock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lbt-login-migration-'));
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
    const location = { dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
    const before = connectDatabase(location, 1);
    try {
      const migrated = await new Migrator({ db: before.db, provider: migrationProvider(dataDir) }).migrateTo(
        '002-review',
      );
      expect(migrated.error).toBeUndefined();
      await createUser(before.db, new Date('2026-03-01T10:00:00.000Z'), {
        username: 'o.oud',
        gemeente: 'Utrecht',
        role: 'viewer',
        password: PASSWORD,
      });
      // An account the old code had locked far into the future.
      await before.db
        .updateTable('users')
        .set({ failed_logins: 4, locked_until: '2999-01-01T00:00:00.000Z' })
        .execute();
    } finally {
      await before.db.destroy();
    }

    const service = await startTestService(kind, location);
    try {
      const ran = await new Migrator({
        db: service.deps.db,
        provider: migrationProvider(dataDir),
      }).getMigrations();
      expect(ran.map((m) => [m.name, m.executedAt !== undefined])).toEqual([
        ['001-core', true],
        ['002-review', true],
        ['003-login-failures', true],
        ['004-review-period', true],
        ['005-candidate-ref', true],
        ['006-scoring-packages', true],
        ['007-server-key-to-file', true],
        ['008-result-flags', true],
        ['009-device-enrollments', true],
        ['010-user-admin', true],
        ['011-ended-early', true],
        ['013-condition-columns', true],
        ['014-audit-log', true],
        ['015-review-roles', true],
        ['016-retention', true],
        ['018-calibration-reports', true],
        ['019-conduct', true],
        ['020-review-changes', true],
      ]);
      expect((await new Browser(service.port, '127.0.6.1').login('o.oud')).status).toBe(200);
      expect(await service.deps.db.selectFrom('login_failures').selectAll().execute()).toEqual([]);
    } finally {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('creates it on a fresh database', async () => {
    const service = await startTestService(kind);
    try {
      const ran = await new Migrator({
        db: service.deps.db,
        provider: migrationProvider(service.dataDir),
      }).getMigrations();
      expect(ran.every((m) => m.executedAt !== undefined)).toBe(true);
      expect(ran.map((m) => m.name)).toContain('003-login-failures');
      await new Browser(service.port, '127.0.7.1').login('nobody.here', wrong(0));
      expect(
        await service.deps.db.selectFrom('login_failures').select(['username', 'failures']).execute(),
      ).toEqual([{ username: 'nobody.here', failures: 1 }]);
    } finally {
      await service.stop();
    }
  });
});

describe('the address a login attempt counts against', () => {
  it('is the IPv4 address, also when it arrives IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
  });

  it('is the /64 prefix of an IPv6 address, however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('is a fixed key when the socket has no address any more', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
  });
});
