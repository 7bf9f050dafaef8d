import { z } from 'zod';

/** One thing wrong with an item package: which file, where in it (a JSON path, `$` for the whole file), what. */
export const PackageProblem = z.object({ file: z.string(), path: z.string(), message: z.string() }).strict();
export type PackageProblem = z.infer<typeof PackageProblem>;

/** `$.opgave.interaction.options[2].id` from a zod-style path: the one JSON-path spelling, in src/shared/json. */
export { jsonPath } from '../json/issues';

/** The one-line form used by the CLI and logs: `file: $.json.path: message`. */
export function formatProblem(problem: PackageProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}
