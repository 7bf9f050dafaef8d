/**
 * Two versions of the reference item package for the results service's package archive: 1.0.0 as it shipped
 * (the fixture in test/fixtures/packages/lbt-referentie-1.0.0, checked against its own manifest, so its hash is
 * the real one) and a newer version made from it here with other keys. The tests do not read items/, which is
 * regenerated with new items and keys.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Item, Manifest, TestDefinition, type Response } from '../../src/shared/items';
import type { ScoringPackage } from '../../src/server/packages';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/packages/lbt-referentie-1.0.0');

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** lbt-referentie 1.0.0: `lbt.item/1` items, package hash = sha256 of its manifest, as kiosks recorded it. */
export function referencePackage100(): ScoringPackage {
  const manifestBytes = readFileSync(join(FIXTURE, 'manifest.json'));
  const manifest = Manifest.parse(JSON.parse(manifestBytes.toString('utf8')));
  const read = (path: string): unknown => {
    const bytes = readFileSync(join(FIXTURE, path));
    if (sha256(bytes) !== manifest.files[path])
      throw new Error(`the fixture's ${path} is not the 1.0.0 file`);
    return JSON.parse(bytes.toString('utf8'));
  };
  const definition = TestDefinition.parse(read('test-definition.json'));
  const items = Object.keys(manifest.files)
    .filter((path) => path.startsWith('bank/'))
    .map((path) => Item.parse(read(path)));
  return { packageHash: sha256(manifestBytes), definition, items };
}

/** Another order of the same tiles: reversed, which differs for every order key (its tiles are distinct). */
function otherKey(key: Response): Response {
  return key.kind === 'order' ? { kind: 'order', sequence: [...key.sequence].reverse() } : key;
}

/**
 * A newer version of `old` as a package build would make it: version 1.1.0, `lbt.item/2` items with a proof,
 * and every order item keyed differently, so a result re-scored against the wrong version gets another score.
 */
export function bumpedPackage(old: ScoringPackage): ScoringPackage {
  const definition = TestDefinition.parse({ ...old.definition, version: '1.1.0' });
  const items = old.items.map((item) => {
    const key = otherKey(item.key);
    return Item.parse({
      ...item,
      schema: 'lbt.item/2',
      key,
      proof: {
        model: `${item.family}/1`,
        rulesConsidered: 2,
        consistent: [
          { rule: 'the rule of the voorbeeld', answer: key },
          { rule: 'a rule that says nothing about the opgave', answer: null },
        ],
      },
    });
  });
  return { packageHash: sha256(`lbt-referentie 1.1.0 ${JSON.stringify(items)}`), definition, items };
}
