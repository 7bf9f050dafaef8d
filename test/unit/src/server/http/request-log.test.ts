/**
 * The service's request log lines never carry a candidate reference: the review list's search sends one in the
 * query string, which Fastify would log as part of the URL.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggableUrl, REDACTED } from '../../../../../src/server/http/request-log';
import { startTestService } from '../../../../support/server-harness';

describe('loggableUrl', () => {
  it('replaces the candidate search and keeps the rest of the URL', () => {
    expect(loggableUrl('/v1/review/results?limit=8&candidate=K-2026-0042&route=Z')).toBe(
      `/v1/review/results?limit=8&candidate=${encodeURIComponent(REDACTED)}&route=Z`,
    );
    expect(loggableUrl('/v1/review/results?candidate=a&candidate=b')).not.toMatch(/candidate=[ab]/);
  });

  it('redacts every spelling of it: any case, and the bracket (array) forms', () => {
    for (const key of [
      'Candidate',
      'CANDIDATE',
      'candidate[]',
      'Candidate[]',
      'candidate[0]',
      'candidate%5B%5D',
    ]) {
      const logged = loggableUrl(`/v1/review/results?limit=8&${key}=K-2026-0042&route=Z`);
      expect(logged, key).not.toContain('K-2026-0042');
      expect(logged, key).toContain('limit=8');
      expect(logged, key).toContain('route=Z');
    }
    expect(loggableUrl('/v1/review/distribution?from=2026-01-01')).toBe(
      '/v1/review/distribution?from=2026-01-01',
    );
    expect(loggableUrl('/v1/health')).toBe('/v1/health');
  });
});

describe('the request log of a running service', () => {
  it('has the request, but not the candidate reference searched for', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const service = await startTestService('sqlite', { logStream: stream });
    try {
      // Without a session the answer is 401, but the request is logged all the same.
      const answer = await fetch(`${service.url}/v1/review/results?limit=8&candidate=K-2026-0042`);
      expect(answer.status).toBe(401);
      await expect.poll(() => lines.some((line) => line.includes('/v1/review/results'))).toBe(true);
    } finally {
      await service.stop();
    }
    const logged = lines.join('\n');
    expect(logged).toContain(`candidate=${encodeURIComponent(REDACTED)}`);
    expect(logged).not.toContain('K-2026-0042');
  });
});
