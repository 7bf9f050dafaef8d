/**
 * The reference package is a pilot (issue 19): it gives no advice. Tests about advice (haalbaar, niet haalbaar,
 * conform, twijfelzone) score against a copy released as operational with the real `lbt definition release`
 * code, cesuur 28, signed with the development key: the same items and keys, a new version and hash.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseDefinition, type ReleaseOutcome } from '../../src/host/items/release-definition';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../src/host/items/sign';
import { paths } from '../../src/host/paths';

export interface ReleasedCopy {
  dir: string;
  release: ReleaseOutcome;
}

let cached: ReleasedCopy | undefined;

/** A copy of items/ (in a fresh temp folder) released as operational; made once per test file. */
export function operationalPackageDir(): ReleasedCopy {
  if (cached) return cached;
  const dir = join(mkdtempSync(join(tmpdir(), 'lbt-operational-')), 'items');
  cpSync(paths.items, dir, { recursive: true, filter: (src) => src !== join(paths.items, 'tools') });
  const release = releaseDefinition({
    dir,
    pair: readPublisherKeyPair(devPublisherKeyFile),
    status: 'operational',
    cesuur: 28,
    label: 'testversie: landelijke cesuur',
    method: 'overgenomen voor tests',
    source: 'test/support/operational-package.ts',
    releasedAt: '2026-12-07',
  });
  cached = { dir, release };
  return cached;
}
