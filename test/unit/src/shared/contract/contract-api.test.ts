import { describe, expect, it } from 'vitest';
import { buildApi, channelNames, channels, describeIssues } from '../../../../../src/shared/contract';

describe('buildApi', () => {
  it('exposes every contract channel as a nested method that forwards channel and request', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: 'answer' };
    });
    for (const channel of channelNames) {
      const method = channel
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], api);
      expect(typeof method, channel).toBe('function');
    }
    await expect(api.app.info()).resolves.toEqual({ ok: true, value: 'answer' });
    expect(calls).toEqual([['app.info', {}]]);
  });
});

describe('describeIssues', () => {
  it('names the JSON path of each failing field', () => {
    const result = channels['app.info'].response.safeParse({
      version: 1,
      shell: 'firefox',
      lockdown: 'full',
    });
    expect(result.success).toBe(false);
    const issues = describeIssues(result.error!);
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      '$.demo',
      '$.demoOffered',
      '$.packageId',
      '$.shell',
      '$.version',
    ]);
  });
});
