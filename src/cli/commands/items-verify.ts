import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../../shared/items/problem';
import type { Item } from '../../shared/items/item';
import type { ItemsVerifyReport } from '../../shared/items/verify-report';
import { loadPackage, type LoadedPackage, type LoadResult } from '../../host/items/loader';
import { defaultTrustedPublishersFile } from '../../host/items/trust';
import type { CliCommand } from '../command';
import { parseCliArgs, readTrustForCli } from './parse-cli-args';
import { formatStrategyTable, strategyFigures } from './strategy-table';

/**
 * `lbt items verify [dir] [--trust FILE] [--production] [--json]`: checks signature, hashes, schemas and
 * cross-file rules of an item package; exit 0 with a summary and the strategy table, exit 1 with one line per
 * problem. `--json` prints one ItemsVerifyReport object instead, on stdout either way.
 */
export const itemsVerify: CliCommand = {
  summary: 'check an item package: signature, hashes, schemas, rules',
  run(args) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          allowPositionals: true,
          options: {
            trust: { type: 'string', default: defaultTrustedPublishersFile },
            // As a packaged production kiosk would check it: development keys not trusted.
            production: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
          },
        }),
      'lbt items verify [dir] [--trust FILE] [--production] [--json]',
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const dir = resolve(positionals[0] ?? 'items');
    const trust = readTrustForCli(values.trust, !values.production);
    if (!trust) return 1;
    const result = loadPackage(dir, trust);
    if (values.json) {
      console.log(JSON.stringify(jsonReport(dir, result), null, 2));
      return result.ok ? 0 : 1;
    }
    if (!result.ok) {
      console.error(`Item package ${dir} is NOT valid (${result.problems.length} problem(s)):`);
      for (const problem of result.problems) console.error(formatProblem(problem));
      return 1;
    }
    console.log(
      describePackage(
        result.package,
        trust.publisherKeys.find((k) => k.keyId === result.package.publisherKeyId)?.name,
      ),
    );
    console.log(formatStrategyTable(strategyFigures(inTestOrder(result.package))));
    return 0;
  },
};

function jsonReport(dir: string, result: LoadResult): ItemsVerifyReport {
  if (!result.ok) return { ok: false, dir, problems: result.problems };
  const pkg = result.package;
  return {
    ok: true,
    dir,
    packageId: pkg.manifest.packageId,
    version: pkg.manifest.version,
    packageHash: pkg.packageHash,
    ...strategyFigures(inTestOrder(pkg)),
  };
}

/** The scored items in the definition's order, so per-item figures read like the test. */
function inTestOrder(pkg: LoadedPackage): Item[] {
  return pkg.definition.items.map((id) => pkg.items.get(id)!);
}

function describePackage(pkg: LoadedPackage, publisher: string | undefined): string {
  const perFamily = new Map<string, number>();
  for (const item of pkg.items.values()) perFamily.set(item.family, (perFamily.get(item.family) ?? 0) + 1);
  return [
    `Item package ${pkg.dir} is valid.`,
    `  package:   ${pkg.manifest.packageId} ${pkg.manifest.version} (test definition ${pkg.definition.id} ${pkg.definition.version})`,
    `  hash:      ${pkg.packageHash}`,
    `  signed by: ${publisher ?? 'unknown'} (key ${pkg.publisherKeyId})`,
    `  items:     ${pkg.items.size} scored in ${perFamily.size} families`,
    ...pkg.definition.families.map((family) => `    ${family.padEnd(16)} ${perFamily.get(family) ?? 0}`),
    `  practice:  ${pkg.practice.size}`,
    `  languages: ${pkg.definition.languages.length} (${pkg.definition.languages.join(', ')})`,
    `  files:     ${Object.keys(pkg.manifest.files).length}`,
  ].join('\n');
}
