import { describeEntry } from '../panel/model/describe';
import { frameLabel } from '../panel/model/frames';
import { extraLocations, failed, type AuditRun } from './findings';

// One self-contained HTML file: inline CSS, no scripts, nothing fetched (the CSP says so too), every
// recorded string escaped, because all of it came from the page.

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
body{font:13px/1.4 system-ui,sans-serif;margin:24px;color:#202124;background:#fff}
h1{font-size:18px}h2{font-size:15px;margin-top:28px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e0e0e0;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f4;position:sticky;top:0}td.data{font-family:monospace;word-break:break-all}
.fail{color:#c5221f;font-weight:600}.pass{color:#188038}.na{color:#5f6368}
.sev{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;background:#f1f3f4}
details{margin:6px 0}summary{cursor:pointer}code{font-family:monospace}
@media (prefers-color-scheme:dark){body{background:#202124;color:#e8eaed}th{background:#35363a}th,td{border-color:#3c4043}.sev{background:#35363a}}
`;

const findingsSection = (run: AuditRun): string => {
  const rows = run.outcomes.map(({ meta, result }) => {
    const bad = failed({ meta, result });
    const status = bad ? '<span class="fail">FAIL</span>' : result.score === null ? '<span class="na">n/a</span>' : '<span class="pass">pass</span>';
    const head = `${status} <code>${esc(meta.id)}</code> <span class="sev">${esc(meta.severity)}</span> ${esc(bad ? meta.failureTitle : meta.title)}`;
    if (!bad) return `<div>${head}</div>`;
    const items = result.items
      .map((item) => {
        const at = extraLocations(item, run.input).map((s) => `<code>${esc(`${s.url}:${s.line}:${s.col}`)}</code>`).join(', ');
        return `<li>${esc(item.summary)}${at ? ` at ${at}` : ''}</li>`;
      })
      .join('');
    return `<details open><summary>${head}</summary><p>${esc(meta.description)}</p><ul>${items}</ul></details>`;
  });
  return `<h2>Audits</h2>${rows.join('\n')}`;
};

const timelineSection = (run: AuditRun): string => {
  const { entries, frames } = run.input;
  const t0 = entries.reduce((min, e) => Math.min(min, e.rec.t), entries[0]?.rec.t ?? 0);
  const rows = entries.flatMap((e) => {
    const row = describeEntry(e, frames);
    if (!row) return [];
    const cells = [`+${(e.rec.t - t0).toFixed(1)} ms`, row.kind, row.from || frameLabel(frames, e.frameId), row.to, row.origin, row.outcome];
    return [`<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}<td class="data">${esc(row.preview)}</td></tr>`];
  });
  const head = ['time', 'kind', 'from', 'to', 'origin', 'outcome', 'data'].map((h) => `<th>${h}</th>`).join('');
  return `<h2>Timeline (${rows.length} messages)</h2><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
};

export const htmlReport = (run: AuditRun): string => {
  const title = `Postscope audit of ${run.url ?? run.target}`;
  const failures = run.outcomes.filter(failed).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1>
<p>${run.input.entries.length} records in ${run.input.frames.length} frames; ${failures} audit(s) failed${run.matched.length ? `; failing the run: ${esc(run.matched.join(', '))}` : ''}. Postscope ${esc(run.version)}.</p>
${findingsSection(run)}
${timelineSection(run)}
</body></html>
`;
};
