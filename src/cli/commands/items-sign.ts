import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devPublisherKeyFile, readPublisherKeyPair, signPackage } from '../../host/items/sign';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

/** `lbt items sign [dir] [--key FILE]`: rewrites manifest.json and manifest.sig of an item package. */
export const itemsSign: CliCommand = {
  summary: 'write manifest.json + manifest.sig (default key: the development key)',
  run(args) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          allowPositionals: true,
          options: { key: { type: 'string', default: devPublisherKeyFile } },
        }),
      'lbt items sign [dir] [--key FILE]',
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const dir = resolve(positionals[0] ?? 'items');
    try {
      const pair = readPublisherKeyPair(resolve(values.key));
      const outcome = signPackage(dir, pair);
      if (pair.development) {
        console.log(
          `Note: signing with the DEVELOPMENT key "${pair.name}"; production kiosks will refuse this package.`,
        );
      }
      console.log(
        `Signed ${outcome.manifest.packageId} ${outcome.manifest.version}: ${Object.keys(outcome.manifest.files).length} files, hash ${outcome.packageHash}, key ${pair.keyId}.`,
      );
      return 0;
    } catch (error) {
      console.error(`Cannot sign ${dir}: ${(error as Error).message}`);
      return 1;
    }
  },
};
