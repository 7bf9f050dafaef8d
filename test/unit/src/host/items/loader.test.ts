import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstructionKey } from '../../../../../src/shared/items/instructions';
import { Item } from '../../../../../src/shared/items/item';
import { loadPackage } from '../../../../../src/host/items/loader';
import { signPackage } from '../../../../../src/host/items/sign';
import { makeMiniPackage, miniItems, newKeyPair, writePackageFile } from '../../../items/mini-package';

const problemsOf = (result: ReturnType<typeof loadPackage>) => (result.ok ? [] : result.problems);

describe('loadPackage on a valid package', () => {
  it('returns the typed package with its hash, key and every file checked', () => {
    const mini = makeMiniPackage();
    const result = loadPackage(mini.dir, mini.trust());
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    const pkg = result.package;
    expect(pkg.definition.id).toBe('mini-test');
    expect([...pkg.items.keys()]).toEqual(['wl-01', 'zb-01']);
    expect(pkg.items.get('zb-01')?.key).toEqual({ kind: 'order', sequence: ['t2', 't1'] });
    expect([...pkg.practice.keys()].sort()).toEqual(['p-drag', 'p-listen', 'p-tap']);
    expect([...pkg.instructions.keys()]).toEqual(['nl']);
    expect(pkg.manifest.packageId).toBe('mini-test');
    expect(pkg.manifest.version).toBe('1.2.3');
    // 11 files, plus one instruction recording per key.
    expect(Object.keys(pkg.manifest.files)).toHaveLength(11 + InstructionKey.options.length);
    expect(pkg.publisherKeyId).toBe(mini.pair.keyId);
    expect(pkg.packageHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a development key only where development keys are allowed', () => {
    const mini = makeMiniPackage(newKeyPair('dev publisher', true));
    expect(loadPackage(mini.dir, mini.trust({ allowDevelopmentKeys: true })).ok).toBe(true);
    const refused = problemsOf(loadPackage(mini.dir, mini.trust({ allowDevelopmentKeys: false })));
    expect(refused).toEqual([
      expect.objectContaining({
        file: 'manifest.sig',
        message: expect.stringMatching(/development key "dev publisher".*does not trust/),
      }),
    ]);
  });

  it('accepts a publisher key given as SPKI PEM', async () => {
    const mini = makeMiniPackage();
    const { publicKeyOf } = await import('../../../../../src/host/items/keys');
    const pem = publicKeyOf(mini.pair).export({ format: 'pem', type: 'spki' }).toString();
    const trust = mini.trust();
    trust.publisherKeys[0]!.publicKey = pem;
    expect(problemsOf(loadPackage(mini.dir, trust))).toEqual([]);
  });
});

describe('loadPackage refuses tampering, naming the file', () => {
  const files = [
    'test-definition.json',
    'bank/woorden-leren/wl-01.json',
    'practice/p-drag.json',
    'instructions/nl.json',
    'instructions/nl/welcome.wav',
    'assets/fish.svg',
    'audio/bamo.wav',
  ];
  it.each(files)('one changed byte in %s', (file) => {
    const mini = makeMiniPackage();
    const path = join(mini.dir, file);
    const bytes = readFileSync(path);
    // Flip a byte inside the file (a space in JSON stays valid JSON, so only the hash can notice).
    const at = bytes.indexOf(0x20) >= 0 ? bytes.indexOf(0x20) : bytes.length - 1;
    bytes[at] = bytes[at] === 0x20 ? 0x09 : bytes[at]! ^ 1;
    writeFileSync(path, bytes);
    const problems = problemsOf(loadPackage(mini.dir, mini.trust()));
    expect(problems).toContainEqual(
      expect.objectContaining({ file, message: expect.stringMatching(/^changed: its sha256/) }),
    );
    expect(problems.every((problem) => problem.file === file)).toBe(true);
  });

  it('a changed manifest.json breaks the signature', () => {
    const mini = makeMiniPackage();
    appendFileSync(join(mini.dir, 'manifest.json'), ' ');
    expect(problemsOf(loadPackage(mini.dir, mini.trust()))).toEqual([
      expect.objectContaining({
        file: 'manifest.sig',
        path: '$.signature',
        message: expect.stringMatching(/^bad signature/),
      }),
    ]);
  });

  it('an unsigned package (no manifest.sig) is refused as unsigned', () => {
    const mini = makeMiniPackage();
    rmSync(join(mini.dir, 'manifest.sig'));
    expect(problemsOf(loadPackage(mini.dir, mini.trust()))).toEqual([
      expect.objectContaining({ file: 'manifest.sig', message: expect.stringMatching(/^unsigned package/) }),
    ]);
  });

  it('a package signed by a foreign key is refused, even when its content is intact', () => {
    const mini = makeMiniPackage();
    signPackage(mini.dir, newKeyPair('someone else'));
    const problems = problemsOf(loadPackage(mini.dir, mini.trust()));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'manifest.sig',
        message: expect.stringMatching(/unknown publisher key .* not among the trusted/),
      }),
    ]);
  });

  it('a signature copied under a trusted keyId does not verify', () => {
    const mini = makeMiniPackage();
    const foreign = newKeyPair('forger');
    signPackage(mini.dir, { ...foreign, keyId: mini.pair.keyId });
    expect(problemsOf(loadPackage(mini.dir, mini.trust()))[0]?.message).toMatch(/^bad signature/);
  });

  it('an extra file in a content folder is refused; a missing one is named', () => {
    const mini = makeMiniPackage();
    writePackageFile(mini.dir, 'assets/unlisted.svg', '<svg/>');
    rmSync(join(mini.dir, 'audio/bamo.wav'));
    const problems = problemsOf(loadPackage(mini.dir, mini.trust()));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'assets/unlisted.svg', message: expect.stringMatching(/^extra file/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'audio/bamo.wav', message: expect.stringMatching(/^missing/) }),
    );
  });

  it('a symbolic link in the package is refused', () => {
    const mini = makeMiniPackage();
    symlinkSync('/etc/hostname', join(mini.dir, 'assets/link.svg'));
    expect(problemsOf(loadPackage(mini.dir, mini.trust()))).toContainEqual(
      expect.objectContaining({ file: 'assets/link.svg', message: expect.stringMatching(/symbolic links/) }),
    );
  });

  it('files outside the content folders (tools/, docs) are not part of the package', () => {
    const mini = makeMiniPackage();
    writePackageFile(mini.dir, 'tools/generate.ts', '// a generator');
    writePackageFile(mini.dir, 'README.md', '# notes');
    expect(loadPackage(mini.dir, mini.trust()).ok).toBe(true);
  });

  it('a missing folder or manifest is a problem, not a crash', () => {
    const mini = makeMiniPackage();
    expect(problemsOf(loadPackage(join(mini.dir, 'nope'), mini.trust()))[0]?.message).toMatch(
      /does not exist/,
    );
    rmSync(join(mini.dir, 'manifest.json'));
    expect(problemsOf(loadPackage(mini.dir, mini.trust()))).toEqual([
      expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/^missing/) }),
    ]);
  });
});

describe('loadPackage reports content errors by file and JSON path', () => {
  /** Writes `change` over a fresh mini package and re-signs, so only the content rule can object. */
  function resigned(change: (dir: string) => void) {
    const mini = makeMiniPackage();
    change(mini.dir);
    signPackage(mini.dir, mini.pair);
    return problemsOf(loadPackage(mini.dir, mini.trust()));
  }

  it('malformed JSON names the file, line and column', () => {
    const problems = resigned((dir) =>
      writePackageFile(dir, 'practice/p-tap.json', '{\n  "schema": "lbt.practice/1",\n  "id": }\n'),
    );
    expect(problems).toEqual([
      {
        file: 'practice/p-tap.json',
        path: '$',
        message: expect.stringMatching(/^malformed JSON at line 3, column 9/),
      },
    ]);
  });

  it('a schema error names the file and the JSON path of the field', () => {
    const item = structuredClone(miniItems[0]!) as unknown as {
      opgave: { interaction: { options: { id: string }[] } };
    };
    item.opgave.interaction.options[1]!.id = 'Not An Id';
    const problems = resigned((dir) => writePackageFile(dir, 'bank/woorden-leren/wl-01.json', item));
    expect(problems).toEqual([
      {
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.opgave.interaction.options[1].id',
        message: 'lowercase letters, digits and dashes',
      },
    ]);
  });

  it('collects problems from several files at once', () => {
    const problems = resigned((dir) => {
      writePackageFile(dir, 'practice/p-tap.json', '[');
      writePackageFile(dir, 'bank/zinnen-bouwen/zb-01.json', { ...miniItems[1], difficulty: 0 });
    });
    expect(problems.map((problem) => problem.file).sort()).toEqual([
      'bank/zinnen-bouwen/zb-01.json',
      'practice/p-tap.json',
    ]);
    expect(problems.find((problem) => problem.file.startsWith('bank'))?.path).toBe('$.difficulty');
  });

  it('a cross-file rule (key not among the options) is reported after schemas pass', () => {
    const problems = resigned((dir) =>
      writePackageFile(dir, 'bank/woorden-leren/wl-01.json', {
        ...miniItems[0],
        key: { kind: 'choose', optionId: 'vis' },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'bank/woorden-leren/wl-01.json', path: '$.key.optionId' }),
    ]);
  });

  it('an asset path that leaves the package is refused by the schema', () => {
    const item = structuredClone(miniItems[0]!);
    (item.opgave.interaction as { options: { image: string }[] }).options[0]!.image =
      'assets/../../etc/passwd.svg';
    const problems = resigned((dir) => writePackageFile(dir, 'bank/woorden-leren/wl-01.json', item));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bank/woorden-leren/wl-01.json',
        path: '$.opgave.interaction.options[0].image',
      }),
    ]);
    for (const path of ['/etc/passwd.svg', 'assets\\x.svg', '../assets/x.svg', 'assets/%2e%2e/x.svg']) {
      expect(Item.shape.opgave.shape.context.element.shape.image.safeParse(path).success, path).toBe(false);
    }
  });
});
