import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calibrationData, readCalibrationSources } from '../../server/calibration/calibration-data';
import { readCalibration, runCalibration } from '../../server/calibration/report-store';
import { CLI_ACTOR } from '../../server/audit/append';
import { loadOrCreateServerKey } from '../../server/crypto/server-key';
import { readArchivedPackages } from '../../server/package-archive';
import {
  calibrationReport,
  PsychometricsInputError,
  type CalibrationReport,
} from '../../shared/psychometrics';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt calibrate --package <hash> [--store] [--data DIR] [--out FILE]';

const HELP = `Usage: ${USAGE}

Calibrates one package version from the results the service stored for it: Rasch item difficulties by
conditional maximum likelihood with standard errors, infit and outfit, person separation reliability, KR-20,
test information and SEM, and the raw-score-to-ability table (docs/PSYCHOMETRICS.md). Uses completed sittings
with every item answered; aborted ones, incomplete ones and those with a score mismatch or fast answers are
left out and counted in the report's snapshot.

  --package <hash>  the package hash (sha256 of its manifest) the results were taken with
${DATA_HELP}
  --store           also store the report, with DIF by afnamecondities and its data snapshot, signed by
                    the service key (LBT_SERVER_KEY, else server-key.pem in the data directory), where the
                    dashboard's Kalibratie view lists it
  --out FILE        write the report there (must not exist) instead of printing it

Exit 0 with the report (JSON); 1 when the package is unknown or the data do not allow a calibration; 2 for bad
arguments.`;

/** `lbt calibrate`: the calibration report of one package version (issue 19). */
export const calibrate: CliCommand = {
  summary: 'calibrate one package version from its stored results (Rasch, CML)',
  run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            ...DATA_OPTION,
            package: { type: 'string' },
            store: { type: 'boolean', default: false },
            out: { type: 'string' },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const packageHash = parsed.values.package;
    if (!packageHash || !/^[0-9a-f]{64}$/.test(packageHash)) {
      console.error(`--package needs a package hash (64 hex digits). Usage: ${USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const { packages } = await readArchivedPackages(deps.db);
      const pkg = packages.find((p) => p.packageHash === packageHash);
      if (!pkg) {
        console.error(`Package ${packageHash} is not known to this service (not in its package archive).`);
        return 1;
      }
      const data = calibrationData(
        await readCalibrationSources(deps.db, packageHash),
        pkg.definition.items.length,
      );
      const createdAt = deps.now().toISOString();
      try {
        let report: CalibrationReport;
        if (parsed.values.store) {
          const key = await loadOrCreateServerKey(deps.db, {
            dataDir: deps.dataDir,
            serverKeyPem: env.LBT_SERVER_KEY ?? '',
          });
          const stored = await runCalibration(deps.db, key, pkg, {
            createdBy: 'cli',
            now: deps.now(),
            dialect: deps.dialect,
            by: CLI_ACTOR,
            // Across gemeenten: the operator's run concerns every gemeente with results of the package.
            gemeente: null,
          });
          report = (await readCalibration(deps.db, key.pinned, stored.reportId))!.report;
          console.error(
            `Calibration ${stored.reportId} of ${stored.resultCount} result(s) stored, signed by server key ${key.pinned.keyId}.`,
          );
        } else
          report = calibrationReport(data.responses, pkg.definition.items, {
            packageHash,
            from: data.from ?? createdAt,
            to: data.to ?? createdAt,
            createdAt,
            excluded: data.excluded,
          });
        const text = `${JSON.stringify(report, null, 2)}\n`;
        if (parsed.values.out) {
          writeFileSync(resolve(parsed.values.out), text, { flag: 'wx' });
          console.error(`Calibration of ${data.responses.length} result(s) written to ${parsed.values.out}`);
        } else process.stdout.write(text);
        return 0;
      } catch (error) {
        if (error instanceof PsychometricsInputError) {
          const left = Object.entries(data.excluded)
            .map(([reason, n]) => `${reason} ${n}`)
            .join(', ');
          console.error(`Cannot calibrate package ${packageHash}: ${error.message} (left out: ${left}).`);
          return 1;
        }
        throw error;
      }
    });
  },
};
