/**
 * Managing review accounts over the review API, on SQLite and PostgreSQL: a beheerder lists, disables,
 * deletes, resets and ends the sessions of accounts of their own gemeente only; a disabled account's open
 * session ends at once; after a reset the next login can do nothing but choose a new password (logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  Client,
  DB_KINDS,
  PASSWORD,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

const NEW_PASSWORD = 'een-nieuw-lang-wachtwoord';
const TEMPORARY = 'tijdelijk-wachtwoord-123';

describe.each(DB_KINDS)('managing review accounts on %s', (kind) => {
  let service: ReviewService;
  let admin: Client;

  beforeAll(async () => {
    service = await startReviewService(kind);
    await addUser(service, 'b.beheer', 'Utrecht', 'beheerder');
    await addUser(service, 'c.consulent', 'Utrecht', 'consulent');
    await addUser(service, 'd.weg', 'Utrecht', 'viewer');
    await addUser(service, 'e.reset', 'Utrecht', 'viewer');
    await addUser(service, 'f.elders', 'Amersfoort', 'viewer');
    admin = new Client(service.url);
    expect((await admin.login('b.beheer')).status).toBe(200);
  });
  afterAll(() => service.stop());

  it("lists the beheerder's gemeente only, and only for a beheerder", async () => {
    const list = await admin.get('/v1/review/users');
    expect(list.status).toBe(200);
    expect(list.json.users.map((u: { username: string }) => u.username)).toEqual([
      'b.beheer',
      'c.consulent',
      'd.weg',
      'e.reset',
    ]);
    const consulent = new Client(service.url);
    await consulent.login('c.consulent');
    expect((await consulent.get('/v1/review/users')).status).toBe(403);
    expect((await consulent.call('POST', '/v1/review/users/d.weg/disable')).status).toBe(403);
  });

  it("answers another gemeente's account like a missing one, and refuses without CSRF", async () => {
    expect((await admin.call('POST', '/v1/review/users/f.elders/disable')).status).toBe(404);
    expect((await admin.call('POST', '/v1/review/users/niemand/revoke-sessions')).status).toBe(404);
    const noCsrf = await admin.call('POST', '/v1/review/users/c.consulent/disable', undefined, {
      'x-csrf-token': 'x'.repeat(43),
    });
    expect(noCsrf.status).toBe(403);
    expect((await admin.call('POST', '/v1/review/users/b.beheer/disable')).status).toBe(422);
  });

  it("ends a disabled account's open session at once and refuses its login", async () => {
    const victim = new Client(service.url);
    expect((await victim.login('c.consulent')).status).toBe(200);
    expect((await victim.get('/v1/review/filter-options')).status).toBe(200);
    expect((await admin.call('POST', '/v1/review/users/c.consulent/disable')).status).toBe(204);
    expect((await victim.get('/v1/review/filter-options')).status).toBe(401);
    expect((await victim.login('c.consulent')).status).toBe(401);
    const listed = (await admin.get('/v1/review/users')).json.users.find(
      (u: { username: string }) => u.username === 'c.consulent',
    );
    expect(listed).toMatchObject({ disabled: true, sessions: 0 });
  });

  it('ends every session of an account on request, and deletes an account', async () => {
    const one = new Client(service.url);
    const two = new Client(service.url);
    await one.login('d.weg');
    await two.login('d.weg');
    const revoked = await admin.call('POST', '/v1/review/users/d.weg/revoke-sessions');
    expect(revoked.json).toEqual({ ended: 2 });
    expect((await one.get('/v1/review/filter-options')).status).toBe(401);
    expect((await two.get('/v1/review/filter-options')).status).toBe(401);
    await one.login('d.weg');
    expect((await admin.call('DELETE', '/v1/review/users/d.weg')).status).toBe(204);
    expect((await one.get('/v1/review/filter-options')).status).toBe(401);
    expect((await one.login('d.weg')).status).toBe(401);
  });

  it('after a reset, the next login may only choose a new password', async () => {
    const user = new Client(service.url);
    await user.login('e.reset');
    const short = await admin.call('POST', '/v1/review/users/e.reset/reset-password', {
      newPassword: 'kort',
    });
    expect(short.status).toBe(400);
    const reset = await admin.call('POST', '/v1/review/users/e.reset/reset-password', {
      newPassword: TEMPORARY,
    });
    expect(reset.status).toBe(204);
    // The session from before the reset is over; the old password no longer works.
    expect((await user.get('/v1/review/filter-options')).status).toBe(401);
    expect((await user.login('e.reset', PASSWORD)).status).toBe(401);
    const login = await user.login('e.reset', TEMPORARY);
    expect(login.status).toBe(200);
    expect(login.json.mustChangePassword).toBe(true);
    expect((await user.get('/v1/review/filter-options')).status).toBe(403);
    expect((await user.get('/v1/review/session')).json.mustChangePassword).toBe(true);
    const wrong = await user.call('POST', '/v1/review/password', {
      currentPassword: 'fout-wachtwoord-00',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(422);
    const same = await user.call('POST', '/v1/review/password', {
      currentPassword: TEMPORARY,
      newPassword: TEMPORARY,
    });
    expect(same.status).toBe(422);
    const changed = await user.call('POST', '/v1/review/password', {
      currentPassword: TEMPORARY,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.json.mustChangePassword).toBe(false);
    // The user's own change is in the audit log (the two refused attempts are not), after the beheerder's reset.
    const entries = await service.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'role', 'gemeente', 'action', 'why', 'subject'])
      .where('subject', '=', 'e.reset')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.actor, e.action, e.why])).toEqual([
      ['b.beheer', 'user.reset-password', 'gebruikersbeheer'],
      ['e.reset', 'user.change-password', 'gebruikersbeheer'],
    ]);
    expect(entries[1]).toMatchObject({ role: 'viewer', gemeente: 'Utrecht' });
    expect((await user.get('/v1/review/filter-options')).status).toBe(200);
    const again = new Client(service.url);
    expect((await again.login('e.reset', NEW_PASSWORD)).json.mustChangePassword).toBe(false);
  });
});
