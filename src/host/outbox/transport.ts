/**
 * How a result travels: `POST /v1/results` with the signed envelope as the body, exactly as stored. The
 * transport only carries bytes and reports what came back; deciding what the answer means is classify.ts.
 */
import type { SignedResult } from '../../shared/result';
import type { ServiceLink } from '../../shared/results-service';
import { exchange, type FetchLike, type HttpOutcome } from '../service-link/http';
import { serviceUrl } from '../service-link/link-file';

export const RESULTS_PATH = '/v1/results';

export type UploadTransport = (
  link: ServiceLink,
  envelope: SignedResult,
  timeoutMs: number,
) => Promise<HttpOutcome>;

export function httpUploadWith(fetchImpl: FetchLike): UploadTransport {
  return (link, envelope, timeoutMs) =>
    exchange(
      { method: 'POST', url: serviceUrl(link, RESULTS_PATH), body: JSON.stringify(envelope), timeoutMs },
      fetchImpl,
    );
}

export const httpUpload: UploadTransport = (link, envelope, timeoutMs) =>
  exchange({
    method: 'POST',
    url: serviceUrl(link, RESULTS_PATH),
    body: JSON.stringify(envelope),
    timeoutMs,
  });
