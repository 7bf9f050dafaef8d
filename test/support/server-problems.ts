/** Asserting problem documents in the service tests. */
import { expect } from 'vitest';
import { Problem, PROBLEM_CONTENT_TYPE } from '../../src/shared/results-service';

export async function expectProblemResponse(
  response: Response,
  status: number,
  code: string,
): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  const problem = Problem.parse(await response.json());
  expect(problem).toMatchObject({ status, code });
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}
