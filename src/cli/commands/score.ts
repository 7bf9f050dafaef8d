import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPackage } from '../../host/items/loader';
import { defaultTrustedPublishersFile } from '../../host/items/trust';
import { errnoMessage } from '../../shared/errors/errno';
import { JsonFileUnreadable, parseJsonFile } from '../../host/files/parse-json-file';
import { formatProblem } from '../../shared/items/problem';
import { ResponsesFile, scoreResponses, unknownItemIds } from '../../shared/scoring';
import { checkResponseFits } from '../../shared/session/response-fit';
import { checkCliValues, cliInteger } from '../cli-values';
import type { CliCommand } from '../command';
import { parseCliArgs, readTrustForCli } from './parse-cli-args';

const USAGE = 'lbt score --package <dir> --responses <file.json> [--cesuur N] [--trust FILE] [--production]';

const HELP = `Usage: ${USAGE}

Scores one set of responses against a verified item package and prints the result as JSON:
raw score, outcome ("B1-route haalbaar" when raw is at least the cesuur, else "B1-route niet haalbaar";
"proefafname: geen advies" when the definition is a pilot), the definition status and cesuur version, why an
advice is voorlopig (provisional definitions), twijfelzone, unanswered count, per-item correctness and the
scoring version.

  --package <dir>       the item package (checked like "lbt items verify": signature, hashes, schemas)
  --responses <file>    JSON: { "responses": { "<itemId>": <Response> | null, ... } }
                        Response is one of
                          { "kind": "choose", "optionId": "<id>" }
                          { "kind": "order",  "sequence": ["<tile id>", ...] }   (one per slot)
                          { "kind": "place",  "targetId": "<id>" }
                        null, a missing item or an order with an empty (null) slot counts as unanswered.
  --cesuur N            score against cesuur N instead of the test definition's (changes only the outcome)
  --trust FILE          trusted publishers file (default: items/tools/trusted-publishers.json)
  --production          do not trust development publisher keys

Exit 0 with the JSON on stdout; exit 1 when the package or the responses file is invalid; 2 for bad arguments.`;

/** `lbt score`: the same scoring the kiosk and the results service use, from a plain responses file. */
export const score: CliCommand = {
  summary: 'score a responses file against an item package (JSON out)',
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            package: { type: 'string' },
            responses: { type: 'string' },
            cesuur: { type: 'string' },
            trust: { type: 'string', default: defaultTrustedPublishersFile },
            production: { type: 'boolean', default: false },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { values } = parsed;
    if (!values.package || !values.responses) {
      console.error(`Both --package and --responses are required.\nUsage: ${USAGE}`);
      return 2;
    }
    const numbers = checkCliValues(
      { cesuur: cliInteger('--cesuur', { min: 0, what: 'a whole number of correct answers' }).optional() },
      values,
    );
    if (!numbers) return 2;
    const { cesuur } = numbers;

    const trust = readTrustForCli(values.trust, !values.production);
    if (!trust) return 1;
    const dir = resolve(values.package);
    const loaded = loadPackage(dir, trust);
    if (!loaded.ok) {
      console.error(`Item package ${dir} is NOT valid (${loaded.problems.length} problem(s)):`);
      for (const problem of loaded.problems) console.error(formatProblem(problem));
      return 1;
    }
    const pkg = loaded.package;
    const items = [...pkg.items.values()];

    const responses = await readResponses(resolve(values.responses));
    if (typeof responses === 'string') {
      console.error(responses);
      return 1;
    }
    const problems = unknownItemIds(pkg.definition, responses).map(
      (id) =>
        `$.responses.${id}: "${id}" is not a scored item of ${pkg.definition.id} ${pkg.definition.version}`,
    );
    for (const [id, response] of Object.entries(responses)) {
      const item = pkg.items.get(id);
      const misfit = item && response ? checkResponseFits(response, item.opgave) : null;
      if (misfit) problems.push(`$.responses.${id}: does not fit the opgave: ${misfit}`);
    }
    if (cesuur !== undefined && cesuur > pkg.definition.items.length) {
      problems.push(`--cesuur ${cesuur} is more than the ${pkg.definition.items.length} scored items`);
    }
    if (problems.length > 0) {
      console.error(
        `Responses file ${values.responses} does not match the package:\n${problems.map((p) => '  ' + p).join('\n')}`,
      );
      return 1;
    }

    const result = scoreResponses(pkg.definition, items, responses, cesuur === undefined ? {} : { cesuur });
    const report = {
      package: { id: pkg.manifest.packageId, version: pkg.manifest.version, hash: pkg.packageHash },
      definition: { id: pkg.definition.id, version: pkg.definition.version },
      cesuurSource: cesuur === undefined ? 'definition' : 'override',
      ...result,
    };
    console.log(JSON.stringify(report, null, 2));
    return 0;
  },
};

/** Reads and validates the responses file; a string is the error to print. */
async function readResponses(file: string): Promise<ResponsesFile['responses'] | string> {
  const read = await parseJsonFile(ResponsesFile, file, `Responses file ${file}`);
  if (read.ok) return read.value.responses;
  const error = read.error;
  if (error instanceof JsonFileUnreadable)
    return `Cannot read the responses file ${file}: ${errnoMessage(error.code)}`;
  if (error.problem !== 'schema') return `${error.what} is not valid JSON: ${error.detail}`;
  const lines = error.issues.map((issue) => `  ${issue.path}: ${issue.message}`);
  return `${error.what} does not match { "responses": { "<itemId>": <Response> | null } }:\n${lines.join('\n')}`;
}
