import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MalformedReportError,
  parseElectronegativityCsv,
  SecurityFindings,
  triageFindings,
} from '../../../../../src/shared/security/scan-findings';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://example.invalid/a
SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/main.ts","62:12","kiosk = new BrowserWindow(kioskWindowOptions(join(__dirname, 'preload.cjs')));","Use sandbox for untrusted origins",https://example.invalid/b
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/new.ts","3:1","shell.openExternal(url)","Review the use of openExternal, ""quoted""",https://example.invalid/c
`;

describe('electronegativity report triage', () => {
  it('parses the CSV, including quoted fields with commas', () => {
    const findings = parseElectronegativityCsv(CSV);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toEqual({
      check: 'SANDBOX_JS_CHECK',
      severity: 'MEDIUM',
      confidence: 'FIRM',
      file: 'main/main.ts',
      location: '62:12',
      description: 'Use sandbox for untrusted origins',
    });
    expect(findings[2]!.description).toBe('Review the use of openExternal, "quoted"');
    expect(() => parseElectronegativityCsv('not,a,report')).toThrow(/header missing/);
  });

  it('refuses a cut or interleaved report instead of reading a fragment as a finding', () => {
    const cut = CSV.replace('"No CSP has been detec', '"No CSP has been detec\n');
    expect(() => parseElectronegativityCsv(cut)).toThrow(MalformedReportError);
    expect(() => parseElectronegativityCsv(cut)).toThrow(/row 3 is not a finding: ted in the target/);
  });

  it('fails on a finding the allow-list does not explain, and names stale entries', () => {
    const list = SecurityFindings.parse({
      schema: 'lbt.security-findings/1',
      allowed: [
        { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'The CSP is sent as a header by app-protocol.ts.' },
        {
          check: 'SANDBOX_JS_CHECK',
          file: 'main/main.ts',
          reason: 'Set in window-options.ts, asserted by a test.',
        },
        { check: 'SANDBOX_JS_CHECK', file: 'main/other.ts', reason: 'An entry whose finding has gone away.' },
      ],
    });
    const triage = triageFindings(parseElectronegativityCsv(CSV), list);
    expect(triage.unexplained.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(triage.explained).toHaveLength(2);
    expect(triage.stale).toEqual([expect.objectContaining({ file: 'main/other.ts' })]);
  });

  it('the committed allow-list is valid and every entry gives a reason', () => {
    const list = SecurityFindings.parse(
      JSON.parse(
        readFileSync(resolve(import.meta.dirname, '../../../../../docs/security-findings.json'), 'utf8'),
      ),
    );
    expect(list.allowed.length).toBeGreaterThan(0);
    expect(
      SecurityFindings.safeParse({
        schema: 'lbt.security-findings/1',
        allowed: [{ check: 'X', file: 'a', reason: 'short' }],
      }).success,
    ).toBe(false);
  });
});
