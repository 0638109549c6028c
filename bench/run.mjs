// `npm run bench`: what Postscope costs a page, and how far the panel scales. A benchmark, not a
// test: it prints figures and never fails on them. Real Chromium, the built extension (dist/chrome),
// fixtures from bench/fixtures. For each DevTools mode (closed; open on the Postscope panel) it
// launches one browser without and one with the extension and runs every case on both,
// interleaved round by round (the order alternates), then prints medians and ratios.
//   node bench/run.mjs [--only=id,id] [--modes=closed,open] [--no-profile]
// Needs a display for DevTools windows: without one it re-runs itself under xvfb-run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { serve } from '../test/support/server.mjs';
import { openSide } from './side.mjs';
import { comparisonTable, median, percentile, fmt, render } from './table.mjs';
import { profiled, formatProfile } from './profile.mjs';
import portCases from './cases/port-throughput.mjs';
import windowCases from './cases/window-messaging.mjs';
import largeCases from './cases/large-payloads.mjs';
import loadCases from './cases/page-load.mjs';
import { measureLatency } from './cases/latency.mjs';
import { measurePanelScale, panelScaleTable } from './cases/panel-scale.mjs';

if (!process.env.DISPLAY && !process.env.POSTSCOPE_BENCH_XVFB && existsSync('/usr/bin/xvfb-run')) {
  const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, POSTSCOPE_BENCH_XVFB: '1' } });
  process.exit(r.status ?? 1);
}

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
const only = arg('only');
const modes = [
  { id: 'closed', name: 'DevTools closed', devtools: false },
  { id: 'open', name: 'DevTools open', devtools: true },
].filter((m) => !arg('modes') || arg('modes').includes(m.id));
const wanted = (id) => !only || only.some((o) => id.startsWith(o));
const cases = [...portCases, ...windowCases, ...largeCases, ...loadCases].filter((c) => wanted(c.id));
const saveRaw = () => {
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/bench-results.json', JSON.stringify({ date: new Date().toISOString(), chromium, load: [loadAtStart, loadavg()[0]], cpu: cpus()[0]?.model, cores: cpus().length, rows, extras, drains, latency, panelScale, profiles }, null, 2));
};
const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
const profileMisses = !process.argv.includes('--no-profile');

const started = Date.now();
const loadAtStart = loadavg()[0];
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const server = await serve(['bench/fixtures']);
const rows = [];
const extras = [];
const drains = [];
const latency = [];
const profiles = [];
let panelScale = null;

try {
  for (const mode of modes) {
    log(`${mode.name}: launching Chromium without and with Postscope`);
    const without = await openSide({ extension: false, devtools: mode.devtools, server });
    const withExt = await openSide({ extension: true, devtools: mode.devtools, server });
    try {
      for (const c of cases) {
        if (c.modes && !c.modes.includes(mode.id)) continue;
        try {
          await runCase(c);
        } catch (e) {
          log(`${c.title}: FAILED TO MEASURE: ${String(e).split('\n')[0]}`);
          rows.push({ mode: mode.name, title: c.title, without: [], with: [], per: c.per, budget: c.budget, note: `not measured: ${String(e).split('\n')[0].slice(0, 80)}` });
        }
      }
      async function runCase(c) {
        const got = { without: [], with: [] };
        const cpu = { without: [], with: [] };
        const extra = { without: {}, with: {} };
        const drained = [];
        for (let r = 0; r < c.rounds; r++) {
          for (const side of r % 2 ? [withExt, without] : [without, withExt]) {
            await c.prepare(side);
            const cpu0 = c.cpu === false ? null : await side.cpuTime();
            const result = await c.measure(side);
            if (cpu0 !== null) cpu[side.name].push((await side.cpuTime()) - cpu0);
            const ms = typeof result === 'number' ? result : result.ms;
            got[side.name].push(ms);
            for (const [k, v] of Object.entries(result.extras ?? {})) (extra[side.name][k] ??= []).push(v);
            const d = await side.settle();
            if (d) drained.push(d);
          }
        }
        const row = { mode: mode.name, title: c.title, ...got, cpu, per: c.per, budget: c.budget, note: mode.devtools ? 'panel shown' : '' };
        rows.push(row);
        for (const k of Object.keys(extra.with)) extras.push([mode.name, c.title, k, fmt(median(extra.without[k])), fmt(median(extra.with[k]))]);
        const timedOut = drained.filter((d) => d.timedOut).length;
        drains.push([mode.name, c.title, fmt(median(drained.map((d) => d.ms)), 0) + (timedOut ? ` (${timedOut}/${drained.length} rounds still busy at 15 s)` : ''), fmt(median(drained.map((d) => d.stored)), 0), c.expect ?? '-', fmt(median(drained.map((d) => d.malformed)), 0)]);
        const ratio = median(got.with) / median(got.without);
        log(`${c.title}: without ${fmt(median(got.without))} ms, with ${fmt(median(got.with))} ms, ratio ${fmt(ratio, 2)}; CPU ${fmt(median(cpu.without), 0)} / ${fmt(median(cpu.with), 0)} ms`);
        saveRaw();
        if (profileMisses && (c.alwaysProfile || ratio > (c.budget ?? 1.5))) {
          await c.prepare(withExt);
          const p = await profiled(withExt.page, () => c.measure(withExt), { topOnly: c.profileTopOnly });
          await withExt.settle();
          profiles.push(formatProfile(`${mode.name}, ${c.title}, with Postscope:`, p));
          saveRaw();
        }
      }
      if (wanted('latency')) {
        const l = await measureLatency(withExt).catch((e) => ({ samples: 0, storage: [], panel: null, error: String(e) }));
        latency.push({ mode: mode.name, ...l });
        saveRaw();
        log(`latency: storage p50 ${fmt(percentile(l.storage, 50))} ms p95 ${fmt(percentile(l.storage, 95))} ms` + (l.panel ? `, panel p50 ${fmt(percentile(l.panel, 50))} p95 ${fmt(percentile(l.panel, 95))} ms` : ''));
        await withExt.settle();
      }
      if (wanted('panel') && !mode.devtools) {
        log('panel at scale: recording a corpus, then feeding 100,000 records to panel.html');
        panelScale = await measurePanelScale(withExt).catch((e) => ({ error: String(e).split('\n')[0] }));
        saveRaw();
        log(`panel: ${panelScale.error ?? (panelScale.unresponsive ? 'unresponsive' : `ingest ${fmt(panelScale.ingestMs, 0)} ms, heap ${fmt(panelScale.heapMB)} MB`)}`);
      }
    } finally {
      await without.close();
      await withExt.close();
    }
  }
} finally {
  await server.close();
}

console.log(`\nPostscope benchmark, ${new Date().toISOString()}; ${cpus()[0]?.model ?? '?'} x ${cpus().length}; ${chromium}; ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end\n`);
console.log(comparisonTable(rows));
if (extras.length) console.log('\n' + render(['mode', 'case', 'measure', 'without', 'with'], extras));
if (drains.length) console.log('\nAfter the page finished, Postscope needed this long to store and show everything (median per round):\n' + render(['mode', 'case', 'drain (ms)', 'records stored', 'expected', 'dropped/malformed'], drains));
if (latency.length) {
  const lr = latency.flatMap((l) => [
    [l.mode, 'post -> stored (background)', `${l.storage.length}/${l.samples}`, fmt(percentile(l.storage, 50)), fmt(percentile(l.storage, 95)), 'p95 < 250'],
    ...(l.panel ? [[l.mode, 'post -> visible (panel DOM)', `${l.panel.length}/${l.samples}`, fmt(percentile(l.panel, 50)), fmt(percentile(l.panel, 95)), 'p95 < 250']] : []),
  ]);
  console.log('\n' + render(['mode', 'latency', 'seen', 'p50 (ms)', 'p95 (ms)', 'budget'], lr));
}
if (panelScale) console.log('\n' + panelScaleTable(panelScale));
if (profiles.length) console.log('\nProfiles of cases over budget:\n' + profiles.join('\n\n'));
saveRaw();
console.log('\nraw figures: dist/bench-results.json');
