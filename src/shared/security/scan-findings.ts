import { z } from 'zod';

/**
 * The electronegativity allow-list (docs/security-findings.json): each finding the scanner reports over
 * electron/ that is not a real problem, with the reason. docs/SECURITY.md explains them for people.
 * A finding is matched by check name and file, not by line, so moving code does not break the list.
 */
export const AllowedFinding = z
  .object({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'an electronegativity check name'),
    /** Path relative to electron/ as the scanner prints it, or "N/A" for global checks. */
    file: z.string().min(1),
    reason: z.string().min(20, 'say why, in a sentence'),
  })
  .strict();
export const SecurityFindings = z
  .object({ schema: z.literal('lbt.security-findings/1'), allowed: z.array(AllowedFinding) })
  .strict();
export type SecurityFindings = z.infer<typeof SecurityFindings>;

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

/** Splits one CSV line, honouring double quotes (the scanner quotes fields that contain commas). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/** Parses electronegativity's CSV report (`issue, severity, confidence, filename, location, sample, description, url`). */
export function parseElectronegativityCsv(csv: string): Finding[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (!header || !/^issue,\s*severity/.test(header))
    throw new Error('Not an electronegativity CSV report (header missing).');
  return lines.map((line, index) => {
    const [check = '', severity = '', confidence = '', file = '', location = '', , description = ''] =
      splitCsvLine(line);
    // A row without a check name, a severity and a file is not a finding: the report was cut or interleaved
    // (seen once under heavy load). The caller runs the scan again rather than judge half a report.
    if (!/^[A-Z_]+$/.test(check) || severity === '' || file === '')
      throw new MalformedReportError(`row ${index + 2} is not a finding: ${line.slice(0, 80)}`);
    return { check, severity, confidence, file, location, description };
  });
}

export class MalformedReportError extends Error {}

export interface Triage {
  unexplained: Finding[];
  explained: Finding[];
  /** Allow-list entries that matched nothing: the finding is gone, so the entry can be removed. */
  stale: z.infer<typeof AllowedFinding>[];
}

export function triageFindings(findings: Finding[], list: SecurityFindings): Triage {
  const matches = (entry: z.infer<typeof AllowedFinding>, finding: Finding) =>
    entry.check === finding.check && entry.file === finding.file;
  return {
    unexplained: findings.filter((finding) => !list.allowed.some((entry) => matches(entry, finding))),
    explained: findings.filter((finding) => list.allowed.some((entry) => matches(entry, finding))),
    stale: list.allowed.filter((entry) => !findings.some((finding) => matches(entry, finding))),
  };
}
