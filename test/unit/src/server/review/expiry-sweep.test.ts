/**
 * Expired review rows (login failures: a username and a client address; web sessions) leave the database on the
 * service's own timer, not only at the next login (src/server/review/expiry-sweep.ts), on SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepExpired } from '../../../../../src/server/review/expiry-sweep';
import { createUser } from '../../../../../src/server/review/users';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';

const MINUTE = 60_000;

async function seed(service: TestService): Promise<void> {
  const db = service.deps.db;
  const now = service.clock.now().getTime();
  const at = (offset: number) => new Date(now + offset).toISOString();
  await createUser(db, service.clock.now(), {
    username: 'r.jansen',
    gemeente: 'Utrecht',
    role: 'viewer',
    password: 'een-lang-wachtwoord',
  });
  const user = await db.selectFrom('users').select('user_id').executeTakeFirstOrThrow();
  await db
    .insertInto('web_sessions')
    .values([
      {
        session_hash: 'old',
        user_id: user.user_id,
        created_at: at(-9 * 60 * MINUTE),
        expires_at: at(-MINUTE),
      },
      { session_hash: 'live', user_id: user.user_id, created_at: at(0), expires_at: at(8 * 60 * MINUTE) },
    ])
    .execute();
  await db
    .insertInto('login_failures')
    .values([
      { username: 'spray.1', address: '203.0.113.7', failures: 1, expires_at: at(-MINUTE) },
      { username: 'r.jansen', address: '203.0.113.7', failures: 2, expires_at: at(10 * MINUTE) },
    ])
    .execute();
}

const left = async (service: TestService) => ({
  sessions: (await service.deps.db.selectFrom('web_sessions').select('session_hash').execute()).map(
    (r) => r.session_hash,
  ),
  failures: (await service.deps.db.selectFrom('login_failures').select('username').execute()).map(
    (r) => r.username,
  ),
});

describe.each(DB_KINDS)('the expiry sweep on %s', (kind) => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('deletes exactly the expired sessions and login failures', async () => {
    service = await startTestService(kind);
    await seed(service);
    expect(await sweepExpired(service.deps.db, service.clock.now())).toEqual({ sessions: 1, failures: 1 });
    expect(await left(service)).toEqual({ sessions: ['live'], failures: ['r.jansen'] });
    // Nothing else has expired yet: a second sweep deletes nothing.
    expect(await sweepExpired(service.deps.db, service.clock.now())).toEqual({ sessions: 0, failures: 0 });
  });

  it('runs by itself in a started service, with no login to set it off', async () => {
    service = await startTestService(kind, { expirySweepMs: 50 });
    await seed(service);
    await vi.waitFor(async () => expect((await left(service!)).failures).toEqual(['r.jansen']), {
      timeout: 10_000,
      interval: 50,
    });
    expect((await left(service)).sessions).toEqual(['live']);
    // Later, once the live rows expire too, they go the same way.
    service.clock.advance(9 * 60 * MINUTE);
    await vi.waitFor(async () => expect(await left(service!)).toEqual({ sessions: [], failures: [] }), {
      timeout: 10_000,
      interval: 50,
    });
  });
});
