/**
 * Every refusal of the service is an RFC 9457 problem document with one of our stable `ProblemCode`s. Routes
 * throw `ProblemError`; the error handler (errors.ts) turns it, and every error Fastify or a plugin raises, into
 * `application/problem+json`.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode } from '../../shared/results-service';
import { issueLines as describeEach } from '../../shared/json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    /** `statusCode` (not `status`) because Fastify and its plugins read that name from thrown errors. */
    readonly statusCode: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly issues?: string[],
  ) {
    super(detail);
  }
}

export function problemBody(status: number, code: ProblemCode, detail: string, issues?: string[]): Problem {
  return {
    type: `https://lbt.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: ProblemError): FastifyReply {
  return reply
    .code(error.statusCode)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(error.statusCode, error.code, error.detail, error.issues));
}

/** zod issues as `$.path: message` lines, the form `issues` carries. */
export function issueLines(error: z.ZodError, limit = 20): string[] {
  return describeEach(error)
    .slice(0, limit)
    .map((line) => `${line.path}: ${line.message}`);
}
