/**
 * The results service's Fastify app: security headers, per-device rate limits, problem documents for every
 * error, and the route plugins. Every JSON body goes through the strict parser (http/json-body.ts: duplicate
 * names refused). The device-facing routes live in one encapsulated scope whose bodies keep their text (the
 * signed envelope is stored byte for byte); the review dashboard registers in its own scope.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../shared/results-service';
import { DeviceLimiter } from './http/device-limit';
import { installProblemHandlers } from './http/errors';
import { useStrictJsonParser } from './http/json-body';
import { problemBody, ProblemError } from './http/problem';
import { requestLogSerializers } from './http/request-log';
import { reviewPlugin } from './review/plugin';
import { enrollRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { resultsRoutes } from './routes/results';
import { rosterRoutes } from './routes/roster';
import type { ServiceDeps } from './service-deps';

/**
 * Without its own limit the address ceiling is this many device budgets: a gemeente's kiosks behind one NAT
 * address share it, so it must leave room for several kiosks draining a backlog at once.
 */
const ADDRESS_CEILING_FACTOR = 10;

/** A signed result is ~10-30 KiB; 512 KiB leaves room for large device facts and refuses anything absurd. */
export const BODY_LIMIT = 512 * 1024;

/** A request taking longer than this to arrive in full (headers and body) is answered 408 and closed. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface BuildAppOptions {
  logLevel?: string;
  /**
   * The reverse proxy's addresses or CIDR blocks (http/trust-proxy.ts). Unset: X-Forwarded-* is ignored and the
   * TCP peer is the client.
   */
  trustProxy?: readonly string[];
  /** Where log lines go; default standard output. Tests read them here. */
  logStream?: NodeJS.WritableStream;
  /**
   * How long one request may take to arrive (headers and body); default DEFAULT_REQUEST_TIMEOUT_MS. Without it a
   * client trickling a body a byte at a time held its connection open for ever.
   */
  requestTimeoutMs?: number;
  /** The built review dashboard; default the checkout's out/renderer/review (review/static.ts). */
  reviewDir?: string;
}

export async function buildApp(deps: ServiceDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    // Fastify's request logs carry method, URL and status only: never bodies or headers, and the URL with its
    // personal query values replaced (request-log.ts), so no candidate reference or answer reaches a log line.
    // Routes log ids and figures, nothing personal.
    logger: {
      level: options.logLevel ?? 'info',
      serializers: requestLogSerializers,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    requestTimeout: requestTimeoutMs,
    // Idle sockets (nothing arriving at all) are closed after the same time.
    connectionTimeout: requestTimeoutMs,
    http: {
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
      // Node checks the request timeout at this interval (default 30 s): a short timeout needs a shorter check.
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
    clientErrorHandler: answerClientError,
  });
  installProblemHandlers(app);
  await app.register(helmet, { global: true });
  // The ceiling per client address, in front of everything (before the body is read): it bounds what one address
  // can make the service parse and verify before any device is proved. The per-device budget comes after
  // verification (http/device-limit.ts).
  await app.register(rateLimit, {
    global: true,
    max: deps.rateLimit.perAddressMax ?? deps.rateLimit.max * ADDRESS_CEILING_FACTOR,
    timeWindow: deps.rateLimit.timeWindowMs,
    hook: 'onRequest',
    keyGenerator: (request) => `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(
        429,
        'rate-limited',
        `Too many requests from this address; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
  const devices = new DeviceLimiter({
    max: deps.rateLimit.max,
    timeWindowMs: deps.rateLimit.timeWindowMs,
    now: deps.now,
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    useStrictJsonParser(scope, { keepText: true });
    await healthRoutes(scope, deps);
    await enrollRoutes(scope, deps);
    await rosterRoutes(scope, deps, devices);
    await resultsRoutes(scope, deps, devices);
  });
  await app.register(async (scope) => {
    useStrictJsonParser(scope, { keepText: false });
    await reviewPlugin(scope, deps, {
      serverKey: deps.serverKey,
      ...(options.reviewDir ? { dashboardDir: options.reviewDir } : {}),
    });
  });
  return app;
}

/**
 * Errors on the socket before Fastify has a request (a request that did not arrive in time, headers too large,
 * a malformed request): answered with a problem document like every other error, then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ([408, 'timeout', 'The request did not arrive in full in time; the connection is closed.'] as const)
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ([431, 'too-large', 'The request headers are too large.'] as const)
        : ([400, 'invalid', 'The request is not valid HTTP.'] as const);
  const body = JSON.stringify(problemBody(status, code, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
