/**
 * How a result travels: `POST /v1/results` with the signed envelope as the body, in its RFC 8785 canonical form.
 * The service accepts any JSON spelling of the envelope, but the canonical one lets it check the signed payload
 * bytes without rebuilding them key by key (src/server/crypto/canonical-json.ts). The transport only carries
 * bytes and reports what came back; deciding what the answer means is classify.ts.
 */
import type { SignedResult } from '../../shared/result';
import { canonicalJson } from '../../shared/signing';
import type { ServiceLink } from '../../shared/results-service';
import { exchange, type FetchLike, type HttpOutcome } from '../service-link/http';
import { serviceUrl } from '../service-link/link-file';

export const RESULTS_PATH = '/v1/results';

export type UploadTransport = (
  link: ServiceLink,
  envelope: SignedResult,
  timeoutMs: number,
) => Promise<HttpOutcome>;

export function httpUploadWith(fetchImpl?: FetchLike): UploadTransport {
  return (link, envelope, timeoutMs) =>
    exchange(
      { method: 'POST', url: serviceUrl(link, RESULTS_PATH), body: canonicalJson(envelope), timeoutMs },
      fetchImpl,
    );
}

export const httpUpload: UploadTransport = httpUploadWith();
