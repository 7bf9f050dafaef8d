import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints test/fixtures/lint/<fixture> as though it sat at `pretendPath`, so the real rules for that folder apply. */
async function lintAs(fixture: string, pretendPath: string) {
  const code = readFileSync(resolve(root, 'test/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: resolve(root, pretendPath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the layer table covers every folder (eslint.config.js)', () => {
  it.each([
    [
      'tools-imports-host.ts',
      'items/tools/fixture.ts',
      /items\/tools may import only items\/tools, src\/shared/,
    ],
    [
      'host-imports-chromium-host.ts',
      'src/host/fixture.ts',
      /src\/host may import only src\/host, src\/shared/,
    ],
    ['host-imports-scripts.ts', 'src/host/fixture.ts', /src\/host may import only src\/host, src\/shared/],
    [
      'server-imports-test.ts',
      'src/server/fixture.ts',
      /src\/server may import only src\/server, src\/shared/,
    ],
    ['bin-imports-server.ts', 'bin/fixture.ts', /bin may import only bin, src\/cli/],
  ])('%s is refused at %s', async (fixture, pretendPath, message) => {
    expect(await lintAs(fixture, pretendPath)).toEqual([
      expect.stringMatching(new RegExp(`^import-x/no-restricted-paths: .*${message.source}`)),
    ]);
  });

  it('lets a test import every layer', async () => {
    expect(await lintAs('test-imports-every-layer.ts', 'test/unit/fixture.test.ts')).toEqual([]);
  });
});

describe('npm packages per layer (lbt/allowed-packages)', () => {
  it('refuses react in src/shared and allows zod there', async () => {
    expect(await lintAs('shared-imports-react.ts', 'src/shared/fixture.ts')).toEqual([
      expect.stringMatching(/^lbt\/allowed-packages: src\/shared may not import the npm package 'react'/),
    ]);
  });

  it('refuses a dynamic import of fastify in the renderer', async () => {
    expect(await lintAs('renderer-imports-fastify.ts', 'renderer/kiosk/fixture.ts')).toEqual([
      expect.stringMatching(/^lbt\/allowed-packages: renderer may not import the npm package 'fastify'/),
    ]);
  });

  it('refuses a type-only import of kysely in src/host and allows it in src/server', async () => {
    expect(await lintAs('host-imports-kysely-type.ts', 'src/host/fixture.ts')).toEqual([
      expect.stringMatching(/^lbt\/allowed-packages: src\/host may not import the npm package 'kysely'/),
    ]);
    expect(await lintAs('host-imports-kysely-type.ts', 'src/server/fixture.ts')).toEqual([]);
  });
});

describe('globals per runtime', () => {
  const nodeGlobals = [
    expect.stringMatching(/^no-restricted-globals: Unexpected use of 'process'/),
    expect.stringMatching(/^no-restricted-globals: Unexpected use of 'Buffer'/),
    expect.stringMatching(/^no-restricted-globals: Unexpected use of '__dirname'/),
    expect.stringMatching(/^no-restricted-properties: 'globalThis.process'/),
  ];

  it('refuses Node globals in src/shared and in the renderer', async () => {
    expect(await lintAs('shared-uses-node-globals.ts', 'src/shared/fixture.ts')).toEqual(nodeGlobals);
    expect(await lintAs('shared-uses-node-globals.ts', 'renderer/kiosk/fixture.ts')).toEqual(nodeGlobals);
    expect(await lintAs('shared-uses-node-globals.ts', 'src/host/fixture.ts')).toEqual([]);
  });

  it('refuses node: imports in the renderer', async () => {
    expect(await lintAs('renderer-imports-node.ts', 'renderer/kiosk/fixture.ts')).toEqual([
      expect.stringMatching(/^import-x\/no-nodejs-modules/),
    ]);
  });

  it('refuses DOM globals in src/shared and in Node code, and allows them in the renderer', async () => {
    const domGlobals = [
      expect.stringMatching(/^no-restricted-globals: Unexpected use of 'document'/),
      expect.stringMatching(/^no-restricted-globals: Unexpected use of 'window'/),
    ];
    expect(await lintAs('shared-uses-dom-globals.ts', 'src/shared/fixture.ts')).toEqual(domGlobals);
    expect(await lintAs('shared-uses-dom-globals.ts', 'src/host/fixture.ts')).toEqual(domGlobals);
    expect(await lintAs('shared-uses-dom-globals.ts', 'src/server/fixture.ts')).toEqual(domGlobals);
    expect(await lintAs('shared-uses-dom-globals.ts', 'renderer/kiosk/fixture.ts')).toEqual([]);
  });
});
