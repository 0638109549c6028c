// Medians, percentiles and the printed table. Figures only: a benchmark reports, it never fails.

export const median = (xs) => percentile(xs, 50);

/** Nearest-rank percentile of the finite values in `xs`; null when there are none. */
export const percentile = (xs, p) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * v.length));
  return v[rank - 1];
};

export const fmt = (x, digits = 1) => (x === null || x === undefined ? '-' : typeof x === 'number' ? x.toFixed(digits) : String(x));

/**
 * One row per comparison: medians without and with Postscope (wall time measured in the page),
 * the ratio, the per-unit cost (e.g. µs per message), the budget verdict, and the renderer CPU
 * time of the same rounds. `rows` items: { mode, title, without[], with[], cpu?: { without[],
 * with[] }, per: { n, unit, scale }, budget: number|null, note }.
 */
export function comparisonTable(rows) {
  const head = ['mode', 'case', 'rounds', 'without (ms)', 'with (ms)', 'ratio', 'per unit without', 'per unit with', 'budget', 'CPU without', 'CPU with', 'CPU ratio', 'note'];
  const body = rows.map((r) => {
    const a = median(r.without);
    const b = median(r.with);
    const ratio = a && b !== null ? b / a : null;
    const ca = r.cpu ? median(r.cpu.without) : null;
    const cb = r.cpu ? median(r.cpu.with) : null;
    const per = (x) => (x === null || !r.per ? '-' : `${fmt((x * r.per.scale) / r.per.n, 2)} ${r.per.unit}`);
    const verdict = r.budget === null || r.budget === undefined || ratio === null ? '-' : ratio <= r.budget ? `met (<= ${r.budget})` : `NOT met (<= ${r.budget})`;
    return [r.mode, r.title, String(Math.min(r.without.length, r.with.length)), fmt(a), fmt(b), ratio === null ? '-' : fmt(ratio, 2), per(a), per(b), verdict, fmt(ca, 0), fmt(cb, 0), ca && cb !== null ? fmt(cb / ca, 2) : '-', r.note ?? ''];
  });
  return render(head, body);
}

/** A plain table of already-formatted cells: `rows` are arrays of strings. */
export function render(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
