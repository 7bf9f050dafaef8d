/**
 * The results service's Fastify app: security headers, per-device rate limits, problem documents for every
 * error, and the route plugins. Every JSON body goes through the strict parser (http/json-body.ts: duplicate
 * names refused). The device-facing routes live in one encapsulated scope whose bodies keep their text (the
 * signed envelope is stored byte for byte); the review dashboard registers in its own scope.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { DEVICE_HEADER } from '../shared/results-service';
import { installProblemHandlers } from './http/errors';
import { useStrictJsonParser, type JsonBody } from './http/json-body';
import { ProblemError } from './http/problem';
import { requestLogSerializers } from './http/request-log';
import { reviewPlugin } from './review/plugin';
import { enrollRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { resultsRoutes } from './routes/results';
import { rosterRoutes } from './routes/roster';
import type { ServiceDeps } from './service-deps';

/** A signed result is ~10-30 KiB; 512 KiB leaves room for large device facts and refuses anything absurd. */
export const BODY_LIMIT = 512 * 1024;

const DEVICE_ID = /^lbt-dev-[0-9a-f]{16}$/;
const BODY_DEVICE_ID = /"deviceId"\s*:\s*"(lbt-dev-[0-9a-f]{16})"/;

/** Rate-limit key: the device the request speaks for, so one kiosk's burst never slows another; else the IP. */
function rateLimitKey(request: FastifyRequest): string {
  const header = request.headers[DEVICE_HEADER];
  if (typeof header === 'string' && DEVICE_ID.test(header)) return header;
  const text = (request.body as Partial<JsonBody> | undefined)?.text;
  if (typeof text === 'string') {
    const match = BODY_DEVICE_ID.exec(text.slice(0, 4096)) ?? BODY_DEVICE_ID.exec(text);
    if (match) return match[1]!;
  }
  return `ip:${request.ip}`;
}

export interface BuildAppOptions {
  logLevel?: string;
  /**
   * The reverse proxy's addresses or CIDR blocks (http/trust-proxy.ts). Unset: X-Forwarded-* is ignored and the
   * TCP peer is the client.
   */
  trustProxy?: readonly string[];
  /** Where log lines go; default standard output. Tests read them here. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: ServiceDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
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
  });
  installProblemHandlers(app);
  await app.register(helmet, { global: true });
  await app.register(rateLimit, {
    global: true,
    max: deps.rateLimit.max,
    timeWindow: deps.rateLimit.timeWindowMs,
    // After parsing, so the body's device id can be the key when no device header is sent.
    hook: 'preHandler',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(
        429,
        'rate-limited',
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    useStrictJsonParser(scope, { keepText: true });
    await healthRoutes(scope, deps);
    await enrollRoutes(scope, deps);
    await rosterRoutes(scope, deps);
    await resultsRoutes(scope, deps);
  });
  await app.register(async (scope) => {
    useStrictJsonParser(scope, { keepText: false });
    await reviewPlugin(scope, deps);
  });
  return app;
}
