import { parseArgs } from 'node:util';
import { z } from 'zod';
import { JsonFileUnreadable, parseJsonFile } from '../../host/files/parse-json-file';
import { errnoMessage } from '../../shared/errors/errno';
import { issueLines, parseJson } from '../../shared/json';
import { Problem, ResultsExport } from '../../shared/results-service';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE = 'lbt results import <export-file.json> --server URL';

const HELP = `Usage: ${USAGE}

Sends every result of a kiosk's export file (lbt.results-export/1, e.g. from a USB stick) to the results
service through the same ingest path as an upload: each is still checked against the device's signature,
re-scored, and stored once (a result already stored counts as a duplicate). Prints the counts;
exit 0 when nothing was refused, 1 otherwise, 2 for bad arguments.`;

/** Seconds to wait at most for one 429 before giving that result up as refused. */
const MAX_RATE_WAIT_S = 60;

/** `lbt results import`: the export fallback of issue 6, through `POST /v1/results`. */
export const resultsImport: CliCommand = {
  summary: "send a kiosk's export file of results to the results service",
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () => parseArgs({ args, allowPositionals: true, options: { server: { type: 'string' } } }),
      USAGE,
    );
    if (!parsed) return 2;
    const file = parsed.positionals[0];
    const server = parsed.values.server?.replace(/\/+$/, '');
    if (!file || !server || parsed.positionals.length > 1) {
      console.error(`Name one export file and --server.\nUsage: ${USAGE}`);
      return 2;
    }
    const exported = await readExport(file);
    if (typeof exported === 'string') {
      console.error(exported);
      return 1;
    }

    const counts = { stored: 0, duplicate: 0, refused: 0 };
    for (const [index, envelope] of exported.parsed.results.entries()) {
      // The envelope as the file holds it, not as zod re-shaped it: the signature covers those values.
      const outcome = await send(`${server}/v1/results`, JSON.stringify(exported.raw[index]));
      if (outcome === 201) counts.stored++;
      else if (outcome === 200) counts.duplicate++;
      else {
        counts.refused++;
        console.error(`refused ${envelope.payload.resultId}: ${outcome}`);
      }
    }
    console.log(
      `${file}: ${exported.parsed.results.length} result(s): ${counts.stored} stored, ${counts.duplicate} duplicate, ${counts.refused} refused`,
    );
    return counts.refused > 0 ? 1 : 0;
  },
};

/** 201 / 200, or the reason it was refused (problem code and detail, or the network error). */
async function send(url: string, body: string): Promise<200 | 201 | string> {
  for (let waited = 0; ;) {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } catch (error) {
      return `the service is not reachable (${(error as Error).cause ?? (error as Error).message})`;
    }
    if (response.status === 200 || response.status === 201) return response.status;
    const text = await response.text();
    if (response.status === 429 && waited < MAX_RATE_WAIT_S) {
      const seconds = Math.min(
        Math.max(Number(response.headers.get('retry-after')) || 1, 1),
        MAX_RATE_WAIT_S,
      );
      await new Promise((r) => setTimeout(r, seconds * 1000));
      waited += seconds;
      continue;
    }
    const problem = parseJson(Problem, text, 'the answer');
    return problem.ok
      ? `${problem.value.status} ${problem.value.code}: ${problem.value.detail}`
      : `HTTP ${response.status}`;
  }
}

async function readExport(file: string): Promise<{ parsed: ResultsExport; raw: unknown[] } | string> {
  // Strict JSON first (the raw results are what gets sent), then the export's schema.
  const read = await parseJsonFile(z.unknown(), file, `the export file ${file}`);
  if (!read.ok)
    return `Cannot read the export file ${file}: ${read.error instanceof JsonFileUnreadable ? errnoMessage(read.error.code) : read.error.detail}`;
  const parsed = ResultsExport.safeParse(read.value);
  if (!parsed.success) {
    const lines = issueLines(parsed.error)
      .slice(0, 20)
      .map((i) => `  ${i.path}: ${i.message}`);
    return `${file} is not a results export (lbt.results-export/1):\n${lines.join('\n')}`;
  }
  return { parsed: parsed.data, raw: (read.value as { results: unknown[] }).results };
}
