/**
 * The hand-made half of the test mirror (test/mirror-overrides.json): for a test whose main source file the
 * heuristic in mirror-tests.ts gets wrong, the file it really tests (its new folder follows from that), and the
 * tests that stay where they are on purpose. Every entry says why, so the table can be checked by reading it.
 *
 * A mistake here would move a test to a wrong folder without anyone noticing, so the table is refused as a whole
 * when an entry names a test or a source file that does not exist. A test that is already at its target (the
 * move has run) is not a mistake: that keeps a second run of the script quiet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { parseJson } from '../src/shared/json';

const TestPath = z
  .string()
  .regex(/^test\/unit\/.+\.test\.tsx?$/, 'a unit test path such as test/unit/x/y.test.ts');
const Why = z.string().trim().min(8, 'say why in a few words');

const Overrides = z
  .object({
    $comment: z.string().optional(),
    mirror: z.array(
      z
        .object({
          test: TestPath,
          /** The source file the test mirrors, from the repository root: `src/host/keys/journal-key.ts`. */
          source: z.string().regex(/^[^/.][^:]*$/, 'a path from the repository root'),
          /** A new file name, only where two tests of one folder share a name. */
          name: z
            .string()
            .regex(/^[^/]+\.test\.tsx?$/, 'a file name ending in .test.ts')
            .optional(),
          why: Why,
        })
        .strict(),
    ),
    stay: z.array(z.object({ test: TestPath, why: Why }).strict()),
  })
  .strict();

interface MirrorOverride {
  source: string;
  /** Where the test goes, from the repository root. */
  target: string;
  why: string;
}

interface MirrorOverrides {
  mirror: Map<string, MirrorOverride>;
  stay: Map<string, string>;
}

/** The override table at `file` under `root`, checked against the tree; throws one error listing every problem. */
export function readOverrides(root: string, file: string): MirrorOverrides {
  const result: MirrorOverrides = { mirror: new Map(), stay: new Map() };
  if (!existsSync(join(root, file))) return result;
  const parsed = parseJson(Overrides, readFileSync(join(root, file), 'utf8'), file);
  if (!parsed.ok) throw parsed.error;
  const problems: string[] = [];
  const seen = new Set<string>();
  const once = (test: string): void => {
    if (seen.has(test)) problems.push(`${test} is listed twice`);
    seen.add(test);
  };
  for (const entry of parsed.value.mirror) {
    once(entry.test);
    const target = join('test/unit', dirname(entry.source), entry.name ?? basename(entry.test));
    if (!existsSync(join(root, entry.source)))
      problems.push(`${entry.test}: source ${entry.source} does not exist`);
    if (!existsSync(join(root, entry.test)) && !existsSync(join(root, target)))
      problems.push(`${entry.test} does not exist (nor its target ${target})`);
    result.mirror.set(entry.test, { source: entry.source, target, why: entry.why });
  }
  for (const entry of parsed.value.stay) {
    once(entry.test);
    if (!existsSync(join(root, entry.test))) problems.push(`${entry.test} does not exist`);
    result.stay.set(entry.test, entry.why);
  }
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return result;
}
