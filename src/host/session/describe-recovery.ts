import type { SessionRecoveryReport } from '../../shared/result';

/** The recovery report as log lines for the operator: the facts support needs (file, record, reason). */
export function describeRecovery(report: SessionRecoveryReport): string[] {
  const lines: string[] = [];
  if (report.resumed) {
    const r = report.resumed;
    lines.push(
      `Recovery: resumed session ${r.sessionId} at ${r.phase}${r.itemIndex === null ? '' : ` item ${r.itemIndex + 1}`}` +
        ` with ${r.committed} committed answers` +
        (r.interruption
          ? `; down from ${r.interruption.from} to ${r.interruption.to}`
          : '; interruption NOT recorded'),
    );
  }
  for (const t of report.truncated) {
    lines.push(
      `Recovery: cut a torn record ${t.recordNumber} (${t.reason}, ${t.bytesCut} bytes) of ${t.file}`,
    );
  }
  for (const r of report.refused) {
    const what = r.tampering ? 'REFUSED (TAMPERING)' : 'REFUSED';
    lines.push(`Recovery: ${what} ${r.file} at record ${r.recordNumber}: ${r.reason}: ${r.detail}`);
  }
  for (const n of report.notResumed) lines.push(`Recovery: not resumed ${n.file}: ${n.reason}: ${n.detail}`);
  for (const f of report.finished) lines.push(`Recovery: closed ${f.file} (${f.why})`);
  return lines;
}
