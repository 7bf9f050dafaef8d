import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/**
 * An Electron import, built here rather than kept in a fixture file: the repository holds no Electron import
 * outside electron/ at all, which a plain grep can confirm.
 */
const ELECTRON_IMPORT = ['import { app } from ', "'electron';", '\nexport const electronApp = app;\n'].join(
  '',
);

/** Lints a fixture (a file name, or code) as though it sat at `pretendPath`, so the real boundary rules apply. */
async function lintAs(fixture: string, pretendPath: string) {
  const code = fixture.endsWith('.ts')
    ? readFileSync(resolve(root, 'test/fixtures/lint', fixture), 'utf8')
    : fixture;
  const [result] = await eslint.lintText(code, { filePath: resolve(root, pretendPath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import boundaries (eslint.config.js)', () => {
  it('fails a renderer file that imports src/host', async () => {
    const messages = await lintAs('renderer-imports-host.ts', 'renderer/kiosk/fixture.ts');
    expect(messages).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*renderer may import only renderer, src\/shared/,
      ),
    ]);
  });

  it('fails a src/shared file that imports src/host or Node', async () => {
    expect(await lintAs('shared-imports-host.ts', 'src/shared/fixture.ts')).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/shared may import only src\/shared/),
    ]);
    expect(await lintAs('shared-imports-node.ts', 'src/shared/fixture.ts')).toEqual([
      expect.stringMatching(/^import-x\/no-nodejs-modules/),
    ]);
  });

  it("fails an 'electron' import outside electron/ and allows it inside", async () => {
    expect(await lintAs(ELECTRON_IMPORT, 'src/host/fixture.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only files under electron\/ may import 'electron'/),
      expect.stringMatching(/^lbt\/allowed-packages: src\/host may not import the npm package 'electron'/),
    ]);
    expect(await lintAs(ELECTRON_IMPORT, 'electron/main/fixture.ts')).toEqual([]);
  });

  it('passes a renderer file that imports only src/shared', async () => {
    expect(await lintAs('renderer-imports-shared.ts', 'renderer/kiosk/fixture.ts')).toEqual([]);
  });
});
