/** Request parts through their zod schema; a refusal is a 400 `invalid` problem listing every issue. */
import type { z } from 'zod';
import { issueLines, ProblemError } from '../http/problem';

export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new ProblemError(400, 'invalid', `The ${where} is not valid.`, issueLines(parsed.error));
  }
  return parsed.data;
}
