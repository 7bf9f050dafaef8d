import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPackage } from '../../host/items/loader';
import { defaultTrustedPublishersFile } from '../../host/items/trust';
import { formatProblem } from '../../shared/items/problem';
import type { ScoringPackage } from '../../server/packages';
import { parseTrustProxy } from '../../server/http/trust-proxy';
import { DEFAULT_RATE_LIMIT, startResultsService } from '../../server/start';
import { checkCliValues, cliInteger } from '../cli-values';
import type { CliCommand } from '../command';
import { parseCliArgs, readTrustForCli } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION } from './server-options';

const USAGE =
  'lbt server [--port N] [--host H] [--data DIR] [--items DIR]... [--trust FILE] [--production] [--rate-limit N] [--check-threads N] [--trust-proxy LIST] [--ready-json]';

const HELP = `Usage: ${USAGE}

Runs the results service: kiosks enroll, upload signed results and fetch the afnemer roster.
Prints the URL it listens on; stops on Ctrl-C.

  --port N       port to listen on (default 8470; 0 picks a free one)
  --host H       address to listen on (default 127.0.0.1; 0.0.0.0 behind a load balancer)
${DATA_HELP}
  --items DIR    an item package to score against (default: the repository's items/); repeat for more.
                 Every package given is kept in the database, so results of it still re-score after the
                 service is started with a newer version only
  --trust FILE   trusted publishers file (default: items/tools/trusted-publishers.json)
  --production   do not trust development publisher keys
  --rate-limit N requests per minute per kiosk (default 600; a kiosk backs off and retries on 429)
  --check-threads N  threads that check uploads (JSON, schema, signature, re-score); default one per core
                 (here ${availableParallelism()}); 0 checks on the request thread
  --trust-proxy LIST  the reverse proxy in front of the service: IP addresses or CIDR blocks, comma-separated.
                 Its X-Forwarded-For then gives the client address (the review login's limits count it) and its
                 X-Forwarded-Proto https marks the review cookies Secure. Default: none, the TCP peer is the client
  --ready-json   print one JSON line {"ready":true,"url":…,"port":…,"database":…} instead of the text line
  LOG_LEVEL      pino log level (default info)`;

const DEFAULT_PORT = 8470;

/** `lbt server`: the results service on SQLite (default) or PostgreSQL (DATABASE_URL). */
export const server: CliCommand = {
  summary: 'run the results service (SQLite, or PostgreSQL with DATABASE_URL)',
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
            port: { type: 'string', default: String(DEFAULT_PORT) },
            host: { type: 'string', default: '127.0.0.1' },
            ...DATA_OPTION,
            items: { type: 'string', multiple: true },
            trust: { type: 'string', default: defaultTrustedPublishersFile },
            production: { type: 'boolean', default: false },
            'rate-limit': { type: 'string', default: String(DEFAULT_RATE_LIMIT.max) },
            'check-threads': { type: 'string', default: String(availableParallelism()) },
            'trust-proxy': { type: 'string' },
            'ready-json': { type: 'boolean', default: false },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { values } = parsed;
    const numbers = checkCliValues(
      {
        port: cliInteger('--port', { min: 0, max: 65535, what: 'a port number (0-65535)' }),
        'rate-limit': cliInteger('--rate-limit', {
          min: 1,
          what: 'a whole number of requests per minute (1 or more)',
        }),
        'check-threads': cliInteger('--check-threads', { min: 0, max: 64 }),
      },
      values,
    );
    if (!numbers) return 2;
    const { port, 'rate-limit': rateLimit, 'check-threads': checkThreads } = numbers;
    let trustProxy: string[] | undefined;
    try {
      if (values['trust-proxy'] !== undefined) trustProxy = parseTrustProxy(values['trust-proxy']);
    } catch (error) {
      console.error(`${(error as Error).message}.`);
      return 2;
    }
    const trust = readTrustForCli(values.trust, !values.production);
    if (!trust) return 1;
    const packages: ScoringPackage[] = [];
    for (const dir of (values.items ?? ['items']).map((d) => resolve(d))) {
      const loaded = loadPackage(dir, trust);
      if (!loaded.ok) {
        console.error(`Item package ${dir} is NOT valid (${loaded.problems.length} problem(s)):`);
        for (const problem of loaded.problems) console.error(formatProblem(problem));
        return 1;
      }
      const pkg = loaded.package;
      packages.push({
        packageHash: pkg.packageHash,
        definition: pkg.definition,
        items: [...pkg.items.values()],
      });
    }

    const dataDir = resolve(values.data);
    let running;
    try {
      running = await startResultsService({
        port,
        host: values.host,
        dataDir,
        packages,
        databaseUrl: env.DATABASE_URL ?? '',
        serverKeyPem: env.LBT_SERVER_KEY ?? '',
        ...(env.LBT_REVIEW_DIR ? { reviewDir: env.LBT_REVIEW_DIR } : {}),
        logLevel: env.LOG_LEVEL,
        rateLimit: { max: rateLimit, timeWindowMs: DEFAULT_RATE_LIMIT.timeWindowMs },
        checkThreads,
        ...(trustProxy ? { trustProxy } : {}),
      });
    } catch (error) {
      console.error(`The results service did not start: ${(error as Error).message}`);
      return 1;
    }
    const database = running.deps.dialect;
    const known = running.packages;
    for (const { problem } of known.damaged) {
      console.error(`${problem} Start the service with that package (--items DIR) to archive it again.`);
    }
    if (values['ready-json']) {
      console.log(JSON.stringify({ ready: true, url: running.url, port: running.port, database }));
    } else {
      const where = database === 'sqlite' ? `SQLite in ${dataDir}` : 'PostgreSQL (DATABASE_URL)';
      console.log(
        `Results service on ${running.url} (${where}; ${known.given.length} item package(s) given, ${known.archived.length} archived)`,
      );
      // Which versions results are re-scored against: the operator's check after an upgrade.
      const line = (pkg: ScoringPackage, source: string) =>
        `  ${pkg.definition.id} ${pkg.definition.version}  ${pkg.packageHash}  (${source})`;
      for (const pkg of known.given) console.log(line(pkg, 'given'));
      for (const pkg of known.archived) console.log(line(pkg, 'archived'));
    }
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
