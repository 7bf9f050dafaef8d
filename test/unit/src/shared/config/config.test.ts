import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  readCliConfig,
  readHostConfig,
  readServerConfig,
} from '../../../../../src/shared/config';

describe('host config: LBT_* read once at start', () => {
  it('has safe defaults when nothing is set (empty counts as unset)', () => {
    expect(readHostConfig({})).toMatchObject({
      LBT_AFNEMER_GATE: 'always',
      LBT_AFNEMER_IDLE_MINUTES: 10,
      LBT_HOST_PORT: 0,
    });
    expect(readHostConfig({ LBT_AFNEMER_GATE: '', LBT_HOST_PORT: '' })).toMatchObject({
      LBT_AFNEMER_GATE: 'always',
      LBT_HOST_PORT: 0,
    });
  });

  it.each([
    ['LBT_AFNEMER_GATE', 'when-enrolled', 'when-enrolled'],
    ['LBT_AFNEMER_IDLE_MINUTES', '30', 30],
    ['LBT_HOST_PORT', '8123', 8123],
    ['LBT_KIOSK_ACCOUNT', '1', '1'],
    ['LBT_DATA_DIR', '/d', '/d'],
    ['LBT_EXPORT_DIR', '/e', '/e'],
    ['LBT_DEVICE_FACTS_FILE', '/f.json', '/f.json'],
    ['LBT_CHROMIUM_PATH', '/c', '/c'],
    ['LBT_ITEMS_DIR', '/i', '/i'],
    ['LBT_TRUSTED_PUBLISHERS', '/t.json', '/t.json'],
    ['LOCALAPPDATA', 'C:\\L', 'C:\\L'],
    ['XDG_DATA_HOME', '/x', '/x'],
    ['DISPLAY', ':0', ':0'],
    ['WAYLAND_DISPLAY', 'wayland-0', 'wayland-0'],
  ])('accepts %s=%s', (name, raw, value) => {
    expect(readHostConfig({ [name]: raw })[name as 'LBT_DATA_DIR']).toBe(value);
  });

  it.each([
    ['LBT_AFNEMER_GATE', 'never', /LBT_AFNEMER_GATE="never" is not a gate.*"always".*"when-enrolled"/s],
    [
      'LBT_AFNEMER_IDLE_MINUTES',
      '0',
      /LBT_AFNEMER_IDLE_MINUTES="0" is not a number of minutes from 1 to 480/,
    ],
    ['LBT_HOST_PORT', '70000', /LBT_HOST_PORT="70000" is not a whole number from 0 to 65535/],
    ['LBT_HOST_PORT', 'abc', /LBT_HOST_PORT="abc"/],
    ['LBT_KIOSK_ACCOUNT', 'yes', /LBT_KIOSK_ACCOUNT="yes" is not allowed: use "1" or "0"/],
  ])('refuses %s=%s naming the variable and the allowed values', (name, raw, message) => {
    expect(() => readHostConfig({ [name]: raw })).toThrow(ConfigError);
    expect(() => readHostConfig({ [name]: raw })).toThrow(message);
  });

  it('lists every wrong variable at once', () => {
    expect(() => readHostConfig({ LBT_AFNEMER_GATE: 'x', LBT_HOST_PORT: '-1' })).toThrow(
      /LBT_AFNEMER_GATE[\s\S]*\n[\s\S]*LBT_HOST_PORT/,
    );
  });
});

describe('server and cli config', () => {
  it.each([
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x" is not allowed: use a postgres:\/\//],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud" is not allowed: use "fatal" or "error"/],
    ['LBT_SERVER_KEY', 'secret', /LBT_SERVER_KEY is not allowed: use a PKCS#8 PEM private key/],
  ])('refuses %s=%s in the server and the CLI, naming the variable', (name, raw, message) => {
    expect(() => readServerConfig({ [name]: raw })).toThrow(ConfigError);
    expect(() => readServerConfig({ [name]: raw })).toThrow(message);
    expect(() => readCliConfig({ [name]: raw })).toThrow(message);
  });

  it('never echoes a refused LBT_SERVER_KEY', () => {
    expect(() => readServerConfig({ LBT_SERVER_KEY: 'not-a-key-but-secret' })).not.toThrow(/not-a-key/);
  });

  it('accepts a PEM server key and a review dir', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n';
    expect(readServerConfig({ LBT_SERVER_KEY: pem, LBT_REVIEW_DIR: '/r' })).toMatchObject({
      LBT_SERVER_KEY: pem,
      LBT_REVIEW_DIR: '/r',
    });
  });

  it('the CLI reads the host data and export dirs too (empty = unset)', () => {
    expect(() => readCliConfig({ LBT_DATA_DIR: '/d', LOG_LEVEL: 'warn' })).not.toThrow();
    expect(readCliConfig({ LBT_EXPORT_DIR: '' }).LBT_EXPORT_DIR).toBeUndefined();
  });

  it('defaults, accepts and refuses', () => {
    expect(readServerConfig({})).toMatchObject({ LOG_LEVEL: 'info' });
    expect(readServerConfig({ LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://h/db' })).toMatchObject({
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgres://h/db',
    });
    expect(() => readServerConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL="loud" is not allowed: use "fatal"/,
    );
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL="mysql:\/\/x"/);
    expect(readCliConfig({ LBT_DATA_DIR: '/d', LOG_LEVEL: 'warn' })).toMatchObject({
      LBT_DATA_DIR: '/d',
      LOG_LEVEL: 'warn',
    });
  });
});
