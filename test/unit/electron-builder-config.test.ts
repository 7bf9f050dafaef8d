import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot download Electron here, so the packaging config is checked the way the packager
 * itself would first check it: against the JSON schema that ships inside electron-builder (app-builder-lib).
 * js-yaml and ajv are the parser and validator already in node_modules (transitive dependencies).
 */
const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

type Config = {
  electronFuses: Record<string, boolean>;
  extraMetadata: { lbtBuild: Record<string, boolean> };
  nsis: Record<string, unknown>;
  win: { target: { target: string }[] };
  linux: { target: { target: string }[] };
};
const config = yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Config;

// strict: false because the schema uses a few keywords of its own (e.g. "tsType") that ajv does not know.
const check = new Ajv({ strict: false, allErrors: true }).compile(schema);

function validate(candidate: unknown) {
  const valid = check(candidate);
  return { valid, errors: check.errors ?? [] };
}

describe('electron-builder.yml', () => {
  it('validates against the schema shipped with electron-builder', () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an unknown key and a wrong type are caught', () => {
    expect(validate({ ...config, surprise: true }).valid).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }).valid).toBe(
      false,
    );
  });

  it('sets every fuse explicitly to the locked-down value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // Every fuse the schema knows of is named, except the macOS-only signature reset.
    const known = Object.keys(
      (schema as { definitions: { FuseOptionsV1: { properties: object } } }).definitions.FuseOptionsV1
        .properties,
    ).filter((fuse) => fuse !== 'resetAdHocDarwinSignature');
    expect(Object.keys(config.electronFuses).sort()).toEqual(known.sort());
  });

  it('builds a per-machine NSIS installer and an AppImage and deb, with production flags', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.extraMetadata.lbtBuild).toEqual({
      production: true,
      devtools: false,
      devPublisherKeys: false,
    });
  });
});
