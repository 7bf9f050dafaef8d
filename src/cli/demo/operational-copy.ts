/**
 * Demo results need advice to show in the dashboard, and the reference package is a pilot that gives none. So
 * `lbt demo-data` makes the demo results under an operational definition version of the same package: a copy in
 * `<data>/demo-package`, released with the development key as the test suite does. Demo only: the development key
 * is never trusted by a production service, so this copy can never score a real result.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { releaseDefinition } from '../../host/items/release-definition';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../host/items/sign';

const DEMO_PACKAGE_FOLDER = 'demo-package';

/** The folder of the operational copy of the package in `itemsDir`, made on first use inside `dataDir`. */
export function demoOperationalCopy(itemsDir: string, dataDir: string): string {
  const dir = resolve(dataDir, DEMO_PACKAGE_FOLDER);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  // As the service would create it: its data directory is the owner's only.
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  const source = resolve(itemsDir);
  cpSync(source, dir, { recursive: true, filter: (path) => path !== join(source, 'tools') });
  releaseDefinition({
    dir,
    pair: readPublisherKeyPair(devPublisherKeyFile),
    status: 'operational',
    cesuur: 28,
    label: 'demo: landelijke cesuur',
    method: 'demonstratie, geen standaardbepaling',
    source: 'lbt demo-data',
    releasedAt: new Date().toISOString().slice(0, 10),
  });
  return dir;
}
