import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout (or unpacked app) root: src/host/ sits two levels below it. */
export const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const paths = {
  packageJson: join(appRoot, 'package.json'),
  renderer: join(appRoot, 'out', 'renderer'),
  items: join(appRoot, 'items'),
};
