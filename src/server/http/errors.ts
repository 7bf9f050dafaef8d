/**
 * Turns every error into a problem document: our own `ProblemError`s, Fastify's body and content-type errors,
 * the rate limiter's, unknown routes and wrong methods. Bad input never reaches the 500 branch; the 500 answer
 * carries no detail of the failure (that goes to the log without the request body).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ProblemCode } from '../../shared/results-service';
import { ProblemError, sendProblem } from './problem';

/** Fastify's own error codes for bad requests, mapped to ours. */
const FASTIFY_CODES: Record<string, [number, ProblemCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large', 'The request body is larger than the service accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-json', 'The body is empty; a JSON document is required.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad-json', 'The body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_TYPE: [415, 'unsupported-media-type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported-media-type', 'Send the body as application/json.'],
  FST_ERR_BAD_URL: [400, 'invalid', 'The request URL is malformed.'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'invalid', 'The request could not be routed.'],
};

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error);
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(reply, new ProblemError(known[0], known[1], known[2]));
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, new ProblemError(429, 'rate-limited', 'Too many requests; try again later.'));
    }
    if (status >= 400 && status < 500) {
      // Any other client error Fastify raises (e.g. a bad header): a 4xx problem, never a 500.
      return sendProblem(reply, new ProblemError(status, 'invalid', 'The request could not be processed.'));
    }
    request.log.error(
      { err: { message: error.message, code: error.code, stack: error.stack } },
      'internal error',
    );
    return sendProblem(reply, new ProblemError(500, 'internal', 'The service failed to handle the request.'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new ProblemError(404, 'not-found', `There is nothing at ${request.method} ${pathOf(request.url)}.`),
    ),
  );
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Answers 405 (with `Allow`) for the methods a path does not take, instead of Fastify's plain 404. The code is
 * `not-found`: ProblemCode has no separate one, and for a client the meaning is the same (no such operation).
 */
export function refuseOtherMethods(app: FastifyInstance, url: string, allowed: readonly string[]): void {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : [...allowed];
  const others = ALL_METHODS.filter((m) => !allow.includes(m));
  app.route({
    method: others,
    url,
    handler: (_request, reply) => {
      reply.header('allow', allow.join(', '));
      return sendProblem(
        reply,
        new ProblemError(405, 'not-found', `${url} accepts ${allow.join(', ')} only.`),
      );
    },
  });
}

function pathOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  // The path is echoed in the detail: keep it short.
  return path.length > 200 ? path.slice(0, 200) + '…' : path;
}
