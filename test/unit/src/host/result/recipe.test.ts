/** Runs the verification recipe of docs/RESULTS.md verbatim, as a gemeente would, against a real stored result. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../../../support/journal-helpers';
import { completedSitting } from './sitting';

const root = resolve(import.meta.dirname, '../../../../..');
const newDir = tempDirs('lbt-recipe-');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach into arbitrary JSON on purpose
type Payload = Record<string, any>;

/** The code block between the recipe markers, exactly as written in the doc. */
function recipeCode(): string {
  const doc = readFileSync(join(root, 'docs/RESULTS.md'), 'utf8');
  const match = /<!-- recipe:start -->\s*```js\n([\s\S]*?)```\s*<!-- recipe:end -->/.exec(doc);
  if (!match) throw new Error('docs/RESULTS.md has no recipe block');
  return match[1]!;
}

// Inside the checkout, so the recipe's `import canonicalize` resolves like in a project that installed it.
const scratch = join(root, 'test-results', `recipe-${process.pid}`);
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const script = join(scratch, 'verify-result.mjs');
writeFileSync(script, recipeCode());

function runRecipe(envelope: unknown, deviceFile: string) {
  const file = join(scratch, `result-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
  const run = spawnSync(process.execPath, [script, file, deviceFile], { cwd: root, encoding: 'utf8' });
  return { status: run.status, out: run.stdout.trim(), err: run.stderr };
}

describe('the verification recipe in docs/RESULTS.md', () => {
  it('accepts the stored file as written and refuses it after any change to the payload', async () => {
    const { file, deviceFile, envelope } = await completedSitting(newDir());
    expect(runRecipe(readFileSync(file, 'utf8'), deviceFile)).toMatchObject({ status: 0, out: 'OK' });
    // Key order and indentation do not matter: the canonical bytes are signed.
    const reordered = {
      alg: envelope.alg,
      keyId: envelope.keyId,
      signature: envelope.signature,
      payload: envelope.payload,
    };
    expect(runRecipe(reordered, deviceFile)).toMatchObject({ status: 0, out: 'OK' });

    const tampered = (change: (p: Payload) => void) => {
      const copy = structuredClone(envelope) as { payload: Payload };
      change(copy.payload);
      return copy;
    };
    for (const edit of [
      (p: Payload) => (p.scoring.raw += 1),
      (p: Payload) => (p.items[2].correct = true),
      (p: Payload) => (p.candidateRef = 'K-2026-0043'),
      (p: Payload) => (p.validity.mouseUsed = false),
    ]) {
      expect(runRecipe(tampered(edit), deviceFile)).toMatchObject({ status: 1, out: 'INVALID' });
    }
    // One byte of the stored file changed inside the payload text.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('K-2026-0042');
    const flipped = text.slice(0, at) + 'X' + text.slice(at + 1);
    expect(runRecipe(flipped, deviceFile)).toMatchObject({ status: 1, out: 'INVALID' });
  });
});
