import { extraLocations, failed, type AuditRun } from './findings';

// The default report: one line per audit, failures first, each finding with its script location.

const where = (s: { url: string; line: number; col: number }) => `${s.url}:${s.line}:${s.col}`;

/** Page-controlled text on one line, without control characters that could rewrite the terminal. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

export const textReport = (run: AuditRun): string => {
  const lines = [`Postscope audit of ${oneLine(run.url ?? run.target)}: ${run.input.entries.length} records, ${run.input.frames.length} frames`];
  const order = [...run.outcomes].sort((a, b) => Number(failed(b)) - Number(failed(a)));
  for (const { meta, result } of order) {
    const status = failed({ meta, result }) ? 'FAIL' : result.score === null ? 'n/a ' : 'pass';
    lines.push(`${status}  ${meta.id} [${meta.severity}]: ${oneLine(failed({ meta, result }) ? meta.failureTitle : meta.title)}`);
    if (!failed({ meta, result })) continue;
    for (const item of result.items) {
      const at = extraLocations(item, run.input);
      lines.push(`      - ${oneLine(item.summary)}${at.length ? ` (${at.map((s) => oneLine(where(s))).join(', ')})` : ''}`);
    }
  }
  const failures = run.outcomes.filter(failed).length;
  lines.push('', failures === 0 ? 'No audit failed.' : `${failures} audit(s) failed; failing the run: ${run.matched.length ? run.matched.join(', ') : 'none (see --fail-on)'}`);
  return lines.join('\n') + '\n';
};
