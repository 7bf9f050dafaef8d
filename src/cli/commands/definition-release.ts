import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { releaseDefinition } from '../../host/items/release-definition';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../host/items/sign';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE =
  'lbt definition release [--package DIR] --status provisional|operational --label TEXT --method TEXT ' +
  '(--cesuur N | --angoff CSV) [--source TEXT] [--reason TEXT] [--below N --above N] [--date YYYY-MM-DD] [--key FILE]';

const HELP = `Usage: ${USAGE}

Releases a new cesuur for an item package as a new test-definition version (docs/PSYCHOMETRICS.md, "Releasing
a cesuur"): the definition gets the next minor version, the cesuur, twijfelzone and status, and the release is
added to its cesuur history; the package is then signed again with its publisher's key, so it gets a new hash.
Results taken with the old version keep being scored against it.

  --package DIR    the package folder (default: items)
  --status         provisional (calibrated, cesuur not yet from a standard-setting study: advice "voorlopig")
                   or operational
  --label TEXT     how gemeenten will name this cesuur, e.g. "Angoff-studie 2027-01"
  --method TEXT    how it was set, e.g. "gemodificeerde Angoff, twee rondes"
  --cesuur N       the new cesuur; without it, the Angoff study's proposal
  --angoff CSV     a modified-Angoff study (beoordelaar,<item id>,...): validated, its proposed cesuur and
                   standard error across judges are recorded; its path is the source unless --source is given
  --source TEXT    where the evidence is
  --reason TEXT    why the advice is voorlopig (provisional only)
  --below/--above  the twijfelzone around the cesuur (default: as now)
  --date           release date (default: today)
  --key FILE       the publisher key the package is signed with (default: the development key)

Exit 0 with the new version and hash; 1 when the package or the study is refused (the package is unchanged);
2 for bad arguments.`;

const count = (value: string | undefined, name: string): number | undefined | null => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name}: "${value}" is not a whole number`);
    return null;
  }
  return Number(value);
};

/** `lbt definition release`: a new, signed test-definition version with a released cesuur (issue 19). */
export const definitionRelease: CliCommand = {
  summary: 'release a new cesuur as a new signed test-definition version',
  run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            package: { type: 'string', default: 'items' },
            status: { type: 'string' },
            label: { type: 'string' },
            method: { type: 'string' },
            cesuur: { type: 'string' },
            angoff: { type: 'string' },
            source: { type: 'string' },
            reason: { type: 'string' },
            below: { type: 'string' },
            above: { type: 'string' },
            date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
            key: { type: 'string', default: devPublisherKeyFile },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { values } = parsed;
    if (values.status !== 'provisional' && values.status !== 'operational') {
      console.error(
        `--status must be provisional or operational (a pilot has no cesuur to release). Usage: ${USAGE}`,
      );
      return 2;
    }
    if (!values.label || !values.method) {
      console.error(`--label and --method are required. Usage: ${USAGE}`);
      return 2;
    }
    if (values.reason && values.status !== 'provisional') {
      console.error('--reason belongs to a provisional release (it says why the advice is voorlopig)');
      return 2;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(values.date))) {
      console.error(`--date: "${values.date}" is not a date (YYYY-MM-DD)`);
      return 2;
    }
    const cesuur = count(values.cesuur, 'cesuur');
    const below = count(values.below, 'below');
    const above = count(values.above, 'above');
    if (cesuur === null || below === null || above === null) return 2;
    if ((below === undefined) !== (above === undefined)) {
      console.error('--below and --above go together (the twijfelzone on both sides of the cesuur)');
      return 2;
    }
    const dir = resolve(values.package);
    try {
      const angoff = values.angoff
        ? { path: values.angoff, text: readFileSync(resolve(values.angoff), 'utf8') }
        : undefined;
      const outcome = releaseDefinition({
        dir,
        pair: readPublisherKeyPair(resolve(values.key)),
        status: values.status,
        cesuur,
        twijfelzone: below !== undefined && above !== undefined ? { below, above } : undefined,
        label: values.label,
        method: values.method,
        source: values.source,
        reason: values.reason,
        releasedAt: values.date,
        angoff,
      });
      const v = outcome.version;
      if (v.proposal) {
        console.log(
          `Angoff study: ${v.proposal.judges} judges, panel cut ${v.proposal.cut.toFixed(2)} (SE ${v.proposal.se.toFixed(2)}), proposed cesuur ${v.proposal.proposedCesuur}.`,
        );
      }
      console.log(
        `Released cesuur version ${v.number} ("${v.label}"): cesuur ${v.cesuur}, ${v.status}, definition ${outcome.previous.version} -> ${v.definitionVersion}.`,
      );
      console.log(`Package hash ${outcome.previous.packageHash} -> ${outcome.signed.packageHash}.`);
      return 0;
    } catch (error) {
      console.error(`Cannot release in ${dir}: ${(error as Error).message}. The package is unchanged.`);
      return 1;
    }
  },
};
