/** `lbt users create`: the account rules, checked on a real SQLite database and through the real CLI entry. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDeps, type OpenedDeps } from '../../../../../src/server/open-deps';
import { verifyPassword } from '../../../../../src/server/review/passwords';
import { createUser, UserError } from '../../../../../src/server/review/users';
import { lbtInProcess } from '../../../../support/lbt-in-process';

describe('creating review accounts', () => {
  let dir: string;
  let opened: OpenedDeps;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lbt-users-'));
    opened = await openServerDeps({ dataDir: dir, databaseUrl: '' });
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const make = (over: Partial<{ username: string; gemeente: string; role: string; password: string }>) =>
    createUser(opened.deps.db, new Date(), {
      username: 'p.de-vries',
      gemeente: 'Utrecht',
      role: 'consulent',
      password: 'een-lang-wachtwoord',
      ...over,
    });

  it('stores a salted scrypt hash, never the password', async () => {
    await make({});
    await make({ username: 'q.de-vries' });
    const rows = await opened.deps.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toContain('een-lang-wachtwoord');
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
    expect(await verifyPassword('een-lang-wachtwoord', rows[0]!.password_hash)).toBe(true);
    expect(await verifyPassword('een-lang-wachtwoorD', rows[0]!.password_hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('refuses a duplicate name, a bad role, a short password and a bad username', async () => {
    await expect(make({})).rejects.toThrow(/already exists/);
    await expect(make({ username: 'r1.user', role: 'admin' })).rejects.toThrow(/--role/);
    await expect(make({ username: 'r2.user', password: 'kort' })).rejects.toThrow(/12 characters/);
    await expect(make({ username: 'Jan Jansen' })).rejects.toBeInstanceOf(UserError);
    await expect(make({ username: 'r3.user', gemeente: ' ' })).rejects.toThrow(/--gemeente/);
  });

  it('makes an analist without a gemeente and refuses one with a gemeente', async () => {
    expect(await make({ username: 'a.landelijk', role: 'analist', gemeente: '' })).toEqual({
      username: 'a.landelijk',
      gemeente: 'Landelijk',
      role: 'analist',
    });
    await expect(make({ username: 'a.gemeente', role: 'analist' })).rejects.toThrow(
      /analist belongs to no gemeente/,
    );
    const cli = await lbtInProcess(
      'users',
      'create',
      '--username',
      'a.cli',
      '--role',
      'analist',
      '--password',
      'een-lang-wachtwoord',
      '--data',
      dir,
    );
    expect(cli.code).toBe(0);
    const row = await opened.deps.db
      .selectFrom('users')
      .select(['gemeente', 'role'])
      .where('username', '=', 'a.cli')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ gemeente: 'Landelijk', role: 'analist' });
  });

  it('creates a user through the CLI with the password on stdin, and exits 2 on bad input', async () => {
    // The real binary, for what only a child process can show: the password read from its stdin.
    const cli = (args: string[], input: string) =>
      spawnSync(process.execPath, ['bin/lbt.mjs', 'users', 'create', ...args, '--data', dir], {
        input,
        encoding: 'utf8',
      });
    const ok = cli(
      ['--username', 'cli.user', '--gemeente', 'Utrecht', '--role', 'viewer'],
      'een-lang-wachtwoord\n',
    );
    expect(ok.stdout).toContain('Created viewer cli.user for gemeente Utrecht');
    expect(ok.status).toBe(0);
    const bad = cli(['--username', 'cli.user2', '--gemeente', 'Utrecht', '--role', 'viewer'], 'kort\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('12 characters');
    // Refused before any password is read: no child process needed.
    const missing = await lbtInProcess('users', 'create', '--username', 'cli.user3', '--data', dir);
    expect(missing.code).toBe(2);
  }, 60_000);

  it('lists, ends sessions of, resets, disables and deletes accounts through the CLI', async () => {
    const db = opened.deps.db;
    await make({ username: 'm.beheer', role: 'beheerder' });
    const userId = (
      await db
        .selectFrom('users')
        .select('user_id')
        .where('username', '=', 'm.beheer')
        .executeTakeFirstOrThrow()
    ).user_id;
    const session = (hash: string) => ({
      session_hash: hash,
      user_id: userId,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await db
      .insertInto('web_sessions')
      .values([session('s1'), session('s2')])
      .execute();
    const run = (...args: string[]) => lbtInProcess('users', ...args, '--data', dir);

    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Utrecht\tm.beheer\tbeheerder\tactive\t2 session(s)');

    const revoked = await run('revoke-sessions', 'm.beheer');
    expect(revoked).toMatchObject({ code: 0, stdout: 'Ended 2 session(s) of m.beheer.\n' });

    await db.insertInto('web_sessions').values(session('s3')).execute();
    expect((await run('reset-password', 'm.beheer', '--password', 'kort')).code).toBe(2);
    const reset = await run('reset-password', 'm.beheer', '--password', 'tijdelijk-wachtwoord-1');
    expect(reset.code).toBe(0);
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
    expect(await verifyPassword('tijdelijk-wachtwoord-1', row.password_hash)).toBe(true);
    expect(await db.selectFrom('web_sessions').selectAll().where('user_id', '=', userId).execute()).toEqual(
      [],
    );
    expect((await run('list')).stdout).toContain('m.beheer\tbeheerder\tmust-change-password');

    await db.insertInto('web_sessions').values(session('s4')).execute();
    expect((await run('disable', 'm.beheer')).code).toBe(0);
    expect((await run('list')).stdout).toContain('m.beheer\tbeheerder\tdisabled\t0 session(s)');

    expect((await run('delete', 'm.beheer')).code).toBe(0);
    expect((await run('list')).stdout).not.toContain('m.beheer');
    const missing = await run('disable', 'm.beheer');
    expect(missing).toMatchObject({ code: 1, stderr: 'There is no user m.beheer.\n' });
    expect((await run('delete')).code).toBe(2);
  });
});
