import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPackage } from '../../host/items/loader';
import { defaultTrustedPublishersFile } from '../../host/items/trust';
import { definitionStatusOf } from '../../shared/items/definition-status';
import { formatProblem } from '../../shared/items/problem';
import { demoOperationalCopy } from '../demo/operational-copy';
import { DUO_TOTAL } from '../../server/demo/duo-table';
import type { ScoringPackage } from '../../server/packages';
import { startResultsService } from '../../server/start';
import { runDemo } from '../demo/run';
import { checkCliValues, cliInteger } from '../cli-values';
import type { CliCommand } from '../command';
import { parseCliArgs, readTrustForCli } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt demo-data --gemeente G [--server URL] [--count N] [--seed N] [--items DIR] [--data DIR]';

const HELP = `Usage: ${USAGE}

Fills the results service with realistic demo results for gemeente G, so the review dashboard has something
to show. The results follow the DUO report of 16-11-2023 (score bands x leerroute, scaled to N; N = ${DUO_TOTAL}
gives exactly the report's table), with varied afnamecondities. Everything goes through the real paths: demo
kiosks are enrolled with one-time codes, each result is signed with a real Ed25519 device key and uploaded to
POST /v1/results (signature check, re-score, receipt), then the leerroutes are recorded.

  --gemeente G   the gemeente the demo results belong to (log in with a user of this gemeente)
  --server URL   a running service (started on the same --data / DATABASE_URL); without it the service is
                 started here on --data for the duration of the upload
  --count N      number of results (default ${DUO_TOTAL})
  --seed N       the random seed (default 2023): the same seed gives the same scores and conditions
  --items DIR    the item package the results are made for (default items/; the service must know it). A
                 pilot package gives no advice, so the results are then made under an operational demo version
                 of it, released with the development key into <data>/demo-package
${DATA_HELP}`;

function loadScoringPackage(dir: string): ScoringPackage | null {
  const trust = readTrustForCli(defaultTrustedPublishersFile, true);
  if (!trust) return null;
  const loaded = loadPackage(resolve(dir), trust);
  if (!loaded.ok) {
    console.error(`Item package ${dir} is NOT valid:`);
    for (const problem of loaded.problems) console.error(formatProblem(problem));
    return null;
  }
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

/** `lbt demo-data`: realistic signed demo results through the real ingest path. */
export const demoData: CliCommand = {
  summary: 'fill the results service with realistic demo results (DUO distribution)',
  async run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            gemeente: { type: 'string' },
            server: { type: 'string' },
            count: { type: 'string', default: String(DUO_TOTAL) },
            seed: { type: 'string', default: '2023' },
            items: { type: 'string', default: 'items' },
            ...DATA_OPTION,
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { gemeente, server, items, data } = parsed.values;
    if (!gemeente?.trim()) {
      console.error(`--gemeente is required.\nUsage: ${USAGE}`);
      return 2;
    }
    const numbers = checkCliValues(
      {
        count: cliInteger('--count', { min: 1, max: 1_000_000 }),
        seed: cliInteger('--seed', { min: 0, what: 'a whole number' }),
      },
      parsed.values,
    );
    if (!numbers) return 2;
    const { count, seed } = numbers;
    if (server !== undefined && !/^https?:\/\/[^\s/]+/.test(server)) {
      console.error(`--server must be a URL like http://127.0.0.1:8080, not "${server}".`);
      return 2;
    }
    let pkg = loadScoringPackage(items);
    if (!pkg) return 1;
    if (definitionStatusOf(pkg.definition) === 'pilot') {
      // A pilot gives no advice, and the dashboard is there to show it: demo results are made under an
      // operational version of the same package (demo/operational-copy.ts).
      let copy: string;
      try {
        copy = demoOperationalCopy(items, data);
      } catch (error) {
        console.error(`Cannot make the operational demo version of ${items}: ${(error as Error).message}`);
        return 1;
      }
      console.log(
        `${items} is a pilot (no advice); the demo results use its operational demo version in ${copy}` +
          (server ? ` (start the service with --items ${copy} as well).` : '.'),
      );
      pkg = loadScoringPackage(copy);
      if (!pkg) return 1;
    }
    const log = (line: string) => console.log(line);

    if (server) {
      return withServerDeps(env, data, async (deps) => {
        const summary = await runDemo({
          url: server.replace(/\/$/, ''),
          deps,
          pkg,
          gemeente: gemeente.trim(),
          count,
          seed,
          log,
        });
        console.log(
          `Demo data for ${gemeente}: ${summary.stored} results stored (${summary.duplicates} already there), ${summary.routes} leerroutes recorded.`,
        );
        return 0;
      });
    }
    const service = await startResultsService({
      dataDir: resolve(data),
      packages: [pkg],
      databaseUrl: env.DATABASE_URL ?? '',
      serverKeyPem: env.LBT_SERVER_KEY ?? '',
      logLevel: 'warn',
      rateLimit: { max: 100_000, timeWindowMs: 60_000 },
    });
    try {
      const summary = await runDemo({
        url: service.url,
        deps: service.deps,
        pkg,
        gemeente: gemeente.trim(),
        count,
        seed,
        log,
      });
      console.log(
        `Demo data for ${gemeente}: ${summary.stored} results stored in ${resolve(data)}, ${summary.routes} leerroutes recorded.`,
      );
      return 0;
    } finally {
      await service.close();
    }
  },
};
