/**
 * Registers the review API from its table (src/shared/review/review-api.ts): one Fastify route per endpoint,
 * with the table's method and path. Per request: the endpoint's guard (session, CSRF, role: sessions.ts, as
 * before), then the query and body through the table's schemas (a 400 `invalid` problem listing the issues),
 * then the handler; its answer is checked against the table's response schema before it is sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  REVIEW_API_PREFIX,
  reviewApi,
  reviewEndpointNames,
  type ReviewBody,
  type ReviewEndpointName,
  type ReviewEndpointSpec,
  type ReviewParams,
  type ReviewQuery,
  type ReviewResponse,
  type ReviewResponseSpec,
} from '../../shared/review';
import { parse } from './parse';

/** Runs before anything is parsed; throws a problem (401, 403, 429) or answers what the handler needs. */
export type Guard<A> = (request: FastifyRequest, reply: FastifyReply) => Promise<A>;

export interface RouteInput<N extends ReviewEndpointName, A> {
  request: FastifyRequest;
  reply: FastifyReply;
  auth: A;
  params: ReviewParams<N>;
  query: ReviewQuery<N>;
  body: ReviewBody<N>;
}

/** What a handler answers: the response (JSON value or CSV text), or nothing for a 204. */
export type RouteAnswer<N extends ReviewEndpointName> =
  ReviewResponse<N> extends undefined ? void : ReviewResponse<N>;

/** One endpoint's server side; made with `route`. */
export interface ReviewRoute<N extends ReviewEndpointName> {
  run(request: FastifyRequest, reply: FastifyReply, name: N): Promise<RouteAnswer<N>>;
}

/** Every endpoint of the table must have its route: a missing or extra one is a type error. */
export type ReviewRoutes = { [N in ReviewEndpointName]: ReviewRoute<N> };

export function route<N extends ReviewEndpointName, A>(
  guard: Guard<A>,
  handle: (input: RouteInput<N, A>) => Promise<RouteAnswer<N>> | RouteAnswer<N>,
): ReviewRoute<N> {
  return {
    async run(request, reply, name) {
      const auth = await guard(request, reply);
      const spec: ReviewEndpointSpec = reviewApi[name];
      const query = spec.query ? parse(spec.query, request.query, 'query') : undefined;
      const body = spec.body ? parse(spec.body, request.body, `${name} request`) : undefined;
      return handle({
        request,
        reply,
        auth,
        params: request.params as ReviewParams<N>,
        query: query as ReviewQuery<N>,
        body: body as ReviewBody<N>,
      });
    },
  };
}

export interface RegisterOptions {
  /** Check every JSON answer against the table's response schema (an invalid one is a 500); default on. */
  checkResponses?: boolean;
}

export function registerReviewApi(
  app: FastifyInstance,
  routes: ReviewRoutes,
  options: RegisterOptions = {},
): void {
  const check = options.checkResponses ?? true;
  for (const name of reviewEndpointNames) {
    const spec = reviewApi[name];
    const bound = routes[name] as ReviewRoute<ReviewEndpointName>;
    app.route({
      method: spec.method,
      url: REVIEW_API_PREFIX + spec.path,
      handler: async (request, reply) => {
        const value = await bound.run(request, reply, name);
        return answer(reply, name, spec.response, value, check);
      },
    });
  }
}

function answer(
  reply: FastifyReply,
  name: ReviewEndpointName,
  response: ReviewResponseSpec,
  value: unknown,
  check: boolean,
) {
  switch (response.kind) {
    case 'no-content':
      return reply.code(204).send();
    case 'csv':
      return reply.type('text/csv; charset=utf-8').send(value);
    case 'json': {
      if (check) {
        const checked = response.schema.safeParse(value);
        // Not a problem for the caller to act on: logged by the error handler and answered 500 `internal`.
        if (!checked.success) {
          throw new Error(
            `review API ${name}: the answer does not match its schema: ${checked.error.message}`,
          );
        }
      }
      return value;
    }
  }
}
