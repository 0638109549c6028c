// Where the time goes: runs one workload under the CDP sampling profiler of the page's renderer
// (the top frame's process, shared by same-origin frames) and of every out-of-process frame of the
// page (cross-site iframes), and sums self time per function and per script, so a budget that is
// not met comes with its evidence.

/** @returns {Promise<{ label: string, totalMs: number, byScript: [string, number][], top: [string, number][] }[]>} */
export async function profiled(page, run, { intervalUs = 200, topOnly = false } = {}) {
  const top = page.url();
  const oopifs = topOnly ? [] : page.browser().targets().filter((t) => t.type() !== 'page' && t.url().startsWith('http') && t.url() !== top);
  const sessions = [{ label: `top frame process (${shortUrl(top)})`, cdp: await page.createCDPSession() }];
  for (const t of oopifs) sessions.push({ label: `out-of-process frame (${shortUrl(t.url())})`, cdp: await t.createCDPSession() });
  try {
    for (const { cdp } of sessions) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
      await cdp.send('Profiler.start');
    }
    await run();
    const out = [];
    for (const { label, cdp } of sessions) out.push({ label, ...summarize((await cdp.send('Profiler.stop')).profile) });
    return out;
  } finally {
    for (const { cdp } of sessions) await cdp.detach().catch(() => undefined);
  }
}

const shortUrl = (u) => u.replace(/^https?:\/\//, '').replace(/\?.*$/, '');

const scriptName = (url) => {
  if (!url) return '(native/v8)';
  const m = /^chrome-extension:\/\/[^/]+\/(.*)$/.exec(url);
  if (m) return `postscope ${m[1]}`;
  return url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '') || url;
};

/** Self time per call frame (function @ script:line) and per script, from a CDP Profile. */
export function summarize(profile) {
  const self = new Map(profile.nodes.map((n) => [n.id, 0]));
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0));
  const byFn = new Map();
  const byScript = new Map();
  let total = 0;
  for (const n of profile.nodes) {
    const us = self.get(n.id) ?? 0;
    if (!us) continue;
    total += us;
    const cf = n.callFrame;
    const script = scriptName(cf.url);
    const fn = `${cf.functionName || '(anonymous)'} @ ${script}${cf.url ? ':' + (cf.lineNumber + 1) : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byScript.set(script, (byScript.get(script) ?? 0) + us);
  }
  const ms = (m) => [...m].map(([k, us]) => [k, us / 1000]).sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, byScript: ms(byScript), top: ms(byFn).slice(0, 12) };
}

export const formatProfile = (title, processes) =>
  [
    title,
    ...processes.flatMap((p) => [
      ` ${p.label}: ${p.totalMs.toFixed(0)} ms sampled`,
      '  by script: ' + p.byScript.slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', '),
      ...p.top.map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`),
    ]),
  ].join('\n');
