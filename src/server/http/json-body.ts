/**
 * The service's one JSON body parser (Fastify's content-type parser for application/json, in every scope):
 * the shared strict parser, so a body that names a member twice is refused before any route sees it. I-JSON
 * (RFC 7493) forbids repeated names; JSON.parse would keep the last one while the stored text shows both.
 */
import type { FastifyInstance } from 'fastify';
import { parseStrictJson, StrictJsonError } from '../../shared/json';
import { ProblemError } from './problem';

/** A device-facing body: the text byte for byte (the signed evidence is stored as received) and its value. */
export interface JsonBody {
  text: string;
  value: unknown;
}

/** `text` as strict JSON, or a 400 `bad-json` problem saying what is wrong (and where, for a repeated name). */
export function parseJsonBody(text: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    throw new ProblemError(
      400,
      'bad-json',
      error.problem === 'duplicate-key'
        ? `The body is not I-JSON: ${error.message}.`
        : text.trim() === ''
          ? 'The body is empty; a JSON document is required.'
          : `The body is not valid JSON: ${error.message}`,
    );
  }
}

/**
 * Replaces the scope's application/json parser. `keepText`: the body is a JsonBody (device routes), else the
 * parsed value (the review dashboard's routes, which read `request.body` as a value).
 */
export function useStrictJsonParser(scope: FastifyInstance, options: { keepText: boolean }): void {
  if (scope.hasContentTypeParser('application/json')) scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    'application/json',
    // The app's bodyLimit applies (413 too-large before this runs).
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = body as string;
      let value: unknown;
      try {
        value = parseJsonBody(text);
      } catch (error) {
        done(error as Error, undefined);
        return;
      }
      done(null, options.keepText ? ({ text, value } satisfies JsonBody) : value);
    },
  );
}
