/**
 * What a request log line says of the request. Fastify's own lines log the URL, query string included, and the
 * review list's search sends a candidate reference there (`candidate=`): personal, so never logged. The value is
 * replaced; the rest of the query (filters such as period or doelgroep) stays, as it helps to read a log.
 */
import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are personal data, in lower case. */
const PERSONAL_PARAMS: ReadonlySet<string> = new Set(['candidate']);
export const REDACTED = '[redacted]';

/**
 * A parameter name as a server might read it: any case (`Candidate`), and with the array spellings many query
 * parsers accept (`candidate[]`, `candidate[0]`), so no spelling of a personal parameter reaches the log.
 */
function isPersonal(key: string): boolean {
  return PERSONAL_PARAMS.has(key.toLowerCase().replace(/\[[^\]]*\]$/, ''));
}

export function loggableUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const params = new URLSearchParams(url.slice(start + 1));
  const personal = [...new Set(params.keys())].filter(isPersonal);
  if (personal.length === 0) return url;
  for (const key of personal) params.set(key, REDACTED);
  return `${url.slice(0, start)}?${params.toString()}`;
}

/** Fastify's default request fields, with the URL made loggable. */
export const requestLogSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: loggableUrl(request.url),
      hostname: request.hostname,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};
