/**
 * `npm run test:faults [-- --kills N] [-- --uploads N [--instances N]] [--seed S]`: runs the kill suite (`--kills`, the
 * default when neither is named; it needs the built renderer, so it builds first) and/or the upload suite
 * (`--uploads`), each as its own process, and exits non-zero if either fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    kills: { type: 'string' },
    uploads: { type: 'string' },
    kiosks: { type: 'string' },
    instances: { type: 'string' },
    seed: { type: 'string' },
  },
});
const seed = values.seed !== undefined ? ['--seed', values.seed] : [];
const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', resolve(root, script), ...args], {
    cwd: root,
    stdio: 'inherit',
  }).status ?? 1;

let failed = 0;
if (values.kills !== undefined || values.uploads === undefined) {
  if (tsx('scripts/build.ts', []) !== 0) failed += 1;
  else if (
    tsx('test/faults/kill-suite.ts', [...(values.kills ? ['--kills', values.kills] : []), ...seed]) !== 0
  )
    failed += 1;
}
if (values.uploads !== undefined) {
  const kiosks = values.kiosks ? ['--kiosks', values.kiosks] : [];
  const instances = values.instances ? ['--instances', values.instances] : [];
  if (
    tsx('test/faults/upload-suite.ts', ['--uploads', values.uploads, ...kiosks, ...instances, ...seed]) !== 0
  )
    failed += 1;
}
process.exit(failed ? 1 : 0);
