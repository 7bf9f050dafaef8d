/**
 * Every change made on the command line is in the audit log with who (`lbt`, role `system`), what, the gemeente
 * and a why-code, and the chain still verifies (`lbt audit verify`): reference forms, retention periods, review
 * accounts, afnemers and kiosks, on a real SQLite data dir and on PostgreSQL where it runs. A refused command
 * writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../../../src/cli/commands';
import type { CliConfig } from '../../../../../src/shared/config/cli';
import { freshPostgresDatabase } from '../../../../support/postgres';
import { enrollDevice, newDevice, type TestDevice } from '../../../../support/results-service';
import { DB_KINDS, startTestService, type TestService } from '../../../../support/server-harness';

describe.each(DB_KINDS)('audit entries of CLI changes on %s', (kind) => {
  let service: TestService;
  let env: CliConfig;
  let device: TestDevice;

  beforeAll(async () => {
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : '';
    service = await startTestService(kind, { databaseUrl });
    env = (databaseUrl ? { DATABASE_URL: databaseUrl } : {}) as CliConfig;
    device = newDevice();
    await enrollDevice(service.url, service.deps, device, 'Utrecht');
  });
  afterAll(() => service?.stop());

  /** Runs `lbt <words> …` on the service's database; its output is kept out of the test log. */
  async function lbt(words: string, ...args: string[]): Promise<number> {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      return await commands[words]!.run([...args, '--data', service.dataDir], env);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  const entries = async () =>
    (await service.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((e) => [
      e.actor,
      e.role,
      e.gemeente,
      e.action,
      e.why,
      e.subject,
      JSON.parse(e.detail),
    ]);

  it('logs each change with who, what, the gemeente and why, and the chain verifies', async () => {
    const form = ['--gemeente', 'Utrecht', '--mask', '999999999', '--check', 'elfproef'];
    expect(await lbt('gemeente reference-form set', ...form, '--example', '123456782')).toBe(0);
    expect(await lbt('gemeente reference-form clear', '--gemeente', 'Utrecht')).toBe(0);
    expect(await lbt('retention set', '--gemeente', 'Utrecht', '--months', '60')).toBe(0);
    const user = ['--username', 'j.jansen', '--gemeente', 'Utrecht', '--role', 'consulent'];
    expect(await lbt('users create', ...user, '--password', 'een-lang-wachtwoord')).toBe(0);
    expect(await lbt('users reset-password', 'j.jansen', '--password', 'tijdelijk-wachtwoord-1')).toBe(0);
    expect(await lbt('users revoke-sessions', 'j.jansen')).toBe(0);
    expect(await lbt('users disable', 'j.jansen')).toBe(0);
    expect(await lbt('users delete', 'j.jansen')).toBe(0);
    const afnemer = ['--id', 'AFN-31007', '--name', 'Ans Afnemer', '--gemeente', 'Utrecht'];
    expect(await lbt('afnemers add', ...afnemer, '--valid-until', '2027-01-31', '--pin', '48213')).toBe(0);
    expect(await lbt('afnemers renew', 'afn-31007', '--valid-until', '2027-12-31')).toBe(0);
    expect(await lbt('afnemers revoke', 'AFN-31007')).toBe(0);
    expect(await lbt('devices enroll', '--gemeente', 'Utrecht', '--label', 'kiosk balie 2')).toBe(0);
    expect(await lbt('devices revoke', device.deviceId)).toBe(0);

    const logged = await entries();
    const expiresAt = (logged[11]![6] as { expiresAt: string }).expiresAt;
    expect(logged).toEqual(
      [
        ['reference-form.set', 'referentievorm', null, { masks: '999999999', checkDigit: 'elfproef' }],
        ['reference-form.clear', 'referentievorm', null, {}],
        ['retention.set', 'bewaartermijn', null, { months: 60 }],
        ['user.create', 'gebruikersbeheer', 'j.jansen', { role: 'consulent' }],
        ['user.reset-password', 'gebruikersbeheer', 'j.jansen', {}],
        ['user.revoke-sessions', 'gebruikersbeheer', 'j.jansen', {}],
        ['user.disable', 'gebruikersbeheer', 'j.jansen', {}],
        ['user.delete', 'gebruikersbeheer', 'j.jansen', {}],
        ['afnemer.save', 'gebruikersbeheer', 'AFN-31007', { validUntil: '2027-01-31' }],
        ['afnemer.renew', 'gebruikersbeheer', 'AFN-31007', { validUntil: '2027-12-31' }],
        ['afnemer.revoke', 'gebruikersbeheer', 'AFN-31007', {}],
        ['device.enrollment-code', 'apparaatbeheer', 'kiosk balie 2', { expiresAt }],
        ['device.revoke', 'apparaatbeheer', device.deviceId, {}],
      ].map(([action, why, subject, detail]) => ['lbt', 'system', 'Utrecht', action, why, subject, detail]),
    );
    // No name, PIN, password or enrollment code in any entry.
    const text = JSON.stringify(logged);
    for (const secret of [
      'Ans Afnemer',
      '48213',
      'een-lang-wachtwoord',
      'tijdelijk-wachtwoord-1',
      '123456782',
    ])
      expect(text).not.toContain(secret);
    expect(await lbt('audit verify')).toBe(0);
  });

  it('writes nothing for a refused change', async () => {
    const before = (await entries()).length;
    expect(await lbt('retention set', '--gemeente', 'Utrecht', '--months', '0')).toBe(1);
    expect(await lbt('users disable', 'niemand.hier')).toBe(1);
    expect(await lbt('afnemers revoke', 'AFN-99999')).toBe(1);
    expect(await lbt('devices revoke', 'lbt-dev-0000000000000000')).toBe(1);
    const bad = ['--gemeente', 'Utrecht', '--mask', 'AAAAAA', '--example', 'JANSEN'];
    expect(await lbt('gemeente reference-form set', ...bad)).toBe(1);
    expect((await entries()).length).toBe(before);
    expect(await lbt('audit verify')).toBe(0);
  });
});
