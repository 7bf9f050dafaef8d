/**
 * The one zod issue formatter: every boundary that refuses a value names each offending field by its JSON path,
 * so a person can find it in the file or request. Never only the first issue: fixing one at a time is slow.
 */
import type { z } from 'zod';

export interface IssueLine {
  /** `$`, `$.payload.items[3]`, `$["odd key"]`. */
  path: string;
  message: string;
}

/** A zod path as a JSON path (RFC 9535 style): `$.a.b[3]["not an identifier"]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$-]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** Every issue as a path and a message, in zod's order. */
export function issueLines(error: z.ZodError): IssueLine[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/**
 * Every issue on one line: `$.a: Required; $.b[0]: Expected number, received string`. An issue with the whole
 * value (path `$`) is just its message, so a refused scalar reads `--username: too short`, not `$: too short`.
 */
export function formatIssues(error: z.ZodError): string {
  return issueLines(error)
    .map((line) => (line.path === '$' ? line.message : `${line.path}: ${line.message}`))
    .join('; ');
}
