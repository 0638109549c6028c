// The panel at scale: 100,000 records in the panel page (dist/chrome/panel.html?tab=..., opened as
// a page of the extension). The background keeps at most LIMITS.tabHistory records per tab in
// extension storage, so 100,000 cannot come from a history replay; they are fed the way the
// background broadcasts live traffic: 'entries' messages of 500 records, one per task, through a
// stand-in for the panel's runtime port. The records are real: a corpus page is recorded first and
// its entries are replicated with fresh sequence numbers and times.
import { readFileSync } from 'node:fs';
import { panelIdle, within } from '../side.mjs';
import { fmt, median, percentile, render } from '../table.mjs';

const TOTAL = 100_000;
const BATCH = 500;
const FAKE_TAB = 424242;
const QUERY = 'echo';
const protocolVersion = Number(/PROTOCOL_VERSION = (\d+)/.exec(readFileSync(new URL('../../extension/protocol/limits.ts', import.meta.url), 'utf8'))[1]);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installed before panel.js runs: runtime.connect answers with a port the benchmark drives. */
function standInPort() {
  const events = () => {
    const fns = new Set();
    return { addListener: (f) => fns.add(f), removeListener: (f) => fns.delete(f), hasListener: (f) => fns.has(f), emit: (m) => fns.forEach((f) => f(m)) };
  };
  const port = { name: 'postscope-panel', sender: undefined, onMessage: events(), onDisconnect: events(), postMessage: (m) => window.__benchSent.push(m), disconnect() {} };
  window.__benchSent = [];
  window.__benchPort = port;
  const connect = () => port;
  chrome.runtime.connect = connect;
  if (globalThis.browser && globalThis.browser.runtime) globalThis.browser.runtime.connect = connect;
}

async function recordCorpus(side) {
  await side.open('/corpus.html', 'window.produced');
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const n = await side.recorded();
    if (n === last && n > 0) break;
    last = n;
    await sleep(100);
  }
  const worker = await side.ctx.worker();
  return worker.evaluate(async (tabId) => {
    const { entries: all, frames } = await self.postscopeHistory(tabId);
    // Only the corpus page's documents: the tab's history also holds earlier cases' traffic.
    const docs = new Set(all.filter((e) => e.rec.k === 'frame' && /\/(corpus|echo)\.html/.test(e.rec.url)).map((e) => e.key));
    return { entries: all.filter((e) => docs.has(e.key)), frames };
  }, side.tabId());
}

/**
 * In the panel page: emits the history, then `total` records in batches, one batch per task; stops
 * early when `deadline` ms have passed (a panel that cannot keep up is reported, not waited for).
 */
function feed({ corpus, total, batch, tabId, v, deadline }) {
  const port = window.__benchPort;
  const base = Date.now() - total;
  let genMs = 0;
  const t0 = performance.now();
  port.onMessage.emit({ v, type: 'history', tabId, entries: [], frames: corpus.frames, stats: { malformed: 0, evicted: 0, stored: 0 } });
  return new Promise((resolve) => {
    let i = 0;
    const step = () => {
      const g0 = performance.now();
      const entries = [];
      for (let j = i; j < Math.min(total, i + batch); j++) {
        const e = structuredClone(corpus.entries[j % corpus.entries.length]);
        e.rec.seq = j;
        e.rec.t = base + j;
        if (typeof e.rec.msg === 'string') e.rec.msg = `${e.key}:${j}`;
        entries.push(e);
      }
      genMs += performance.now() - g0;
      port.onMessage.emit({ v, type: 'entries', tabId, entries });
      i += entries.length;
      if (i < total && performance.now() - t0 < deadline) setTimeout(step, 0);
      else resolve({ emitMs: performance.now() - t0, genMs, fed: i });
    };
    step();
  });
}

/** In the panel page: keydown to the last DOM change's next animation frame (null if nothing changed in 3 s). */
function armKeystroke() {
  window.__benchKey = new Promise((resolve) => {
    let t0 = null;
    let lastPaint = null;
    let lastChange = null;
    const obs = new MutationObserver(() => {
      lastChange = performance.now();
      requestAnimationFrame(() => (lastPaint = performance.now()));
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    addEventListener('keydown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
    const started = performance.now();
    const check = () => {
      const now = performance.now();
      if (lastChange !== null && lastPaint !== null && lastPaint >= lastChange && now - lastChange > 300) {
        obs.disconnect();
        resolve(lastPaint - t0);
      } else if (now - started > 3000 + (lastChange === null ? 0 : 10000)) {
        obs.disconnect();
        resolve(null);
      } else setTimeout(check, 25);
    };
    check();
  });
}

/** In the panel page: scrolls the tallest scroller for 120 frames (at most 10 s); returns the frame intervals (ms). */
async function scrollFrames() {
  const all = [document.scrollingElement, ...document.querySelectorAll('*')].filter((el) => el && el.scrollHeight > el.clientHeight + 50);
  const el = all.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  if (!el) return null;
  const times = [];
  let last;
  const t0 = performance.now();
  for (let i = 0; i < 120 && performance.now() - t0 < 10_000; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    if (last !== undefined) times.push(now - last);
    last = now;
    el.scrollTop += 240;
  }
  return times;
}

async function heapOf(session) {
  await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export async function measurePanelScale(side, { total = TOTAL, feedFor = 30_000 } = {}) {
  const corpus = await recordCorpus(side);
  const { browser } = side.ctx;
  const page = await browser.newPage();
  const out = { total, corpus: corpus.entries.length, unresponsive: false };
  try {
    await drivePanel(side, page, corpus, out, { total, feedFor });
  } finally {
    await within(page.close(), 10_000);
  }
  const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${side.ctx.extensionId}/`));
  const sw = await swTarget.createCDPSession();
  out.backgroundHeapMB = await heapOf(sw);
  await sw.detach().catch(() => undefined);
  return out;
}

/** Feeds the panel page, then measures it; fills `out` as far as the panel stays responsive. */
async function drivePanel(side, page, corpus, out, { total, feedFor }) {
  await page.evaluateOnNewDocument(standInPort);
  await page.goto(`chrome-extension://${side.ctx.extensionId}/panel.html?tab=${FAKE_TAB}`);
  await page.waitForFunction(() => window.__benchSent.some((m) => m.type === 'subscribe'), { timeout: 15000 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  out.heapEmptyMB = await heapOf(cdp);
  const t0 = Date.now();
  const fed = await within(page.evaluate(feed, { corpus, total, batch: BATCH, tabId: FAKE_TAB, v: protocolVersion, deadline: feedFor }), feedFor + 60_000);
  const idle = fed && (await within(panelIdle(page.mainFrame(), 60_000), 90_000));
  if (!fed || idle === null || idle >= 60_000) {
    out.unresponsive = true;
    out.ingestMs = Date.now() - t0;
    return;
  }
  out.fed = fed.fed;
  out.ingestMs = Date.now() - t0 - 200;
  out.generateMs = fed.genMs;
  out.countText = await within(page.evaluate(() => document.querySelector('[data-testid=count]')?.textContent ?? null), 10_000);
  out.heapMB = await within(heapOf(cdp), 30_000);
  const metrics = await within(cdp.send('Performance.getMetrics'), 30_000, { metrics: [] });
  out.domNodes = Object.fromEntries(metrics.metrics.map((m) => [m.name, m.value])).Nodes ?? null;
  const input = await page.$('input[type=search], input[type=text], input:not([type])');
  out.keystrokes = [];
  out.filterQuery = input ? QUERY : null;
  if (input) {
    await input.click();
    for (const ch of QUERY) {
      await page.evaluate(armKeystroke);
      await page.keyboard.type(ch);
      out.keystrokes.push(await within(page.evaluate(() => window.__benchKey), 30_000));
    }
    await page.evaluate((el) => el.select?.(), input);
    await page.keyboard.press('Backspace');
    await within(panelIdle(page.mainFrame(), 20_000), 30_000);
  }
  out.scrollFrames = await within(page.evaluate(scrollFrames), 60_000);
  out.heapAfterMB = await within(heapOf(cdp), 30_000);
}

export function panelScaleTable(p) {
  if (p.error) return `panel at scale: not measured: ${p.error}`;
  const frames = p.scrollFrames ?? [];
  const keys = (p.keystrokes ?? []).filter((k) => k !== null);
  const fed = p.unresponsive ? `${p.total} offered; the panel stopped responding (main thread busy > 60 s) after ${fmt(p.ingestMs / 1000, 0)} s` : `${p.fed} of ${p.total} in ${fmt(p.ingestMs, 0)} ms (generating them: ${fmt(p.generateMs, 0)} ms)`;
  return render(['panel at scale', 'value', 'budget'], [
    ['records fed (corpus of ' + p.corpus + ' real records, replicated)', fed, ''],
    ['count shown', p.countText ?? '-', ''],
    ['filter keystroke to rendered (ms)', p.filterQuery ? `median ${fmt(median(keys))}, max ${keys.length ? fmt(Math.max(...keys)) : '-'} typing "${p.filterQuery}" (${keys.length}/${p.keystrokes.length} rendered)` : p.unresponsive ? '-' : 'no filter input in this panel', '< 100'],
    ['scroll frame time (ms)', frames.length ? `median ${fmt(median(frames))}, p95 ${fmt(percentile(frames, 95))}, ${frames.filter((f) => f > 25).length}/${frames.length} frames > 25 ms` : '-', '60 fps (16.7)'],
    ['panel JS heap (MB)', p.heapMB === undefined ? '-' : `${fmt(p.heapMB)} (empty ${fmt(p.heapEmptyMB)}, after filter and scroll ${fmt(p.heapAfterMB)})`, '< 150'],
    ['panel DOM nodes', fmt(p.domNodes, 0), ''],
    ['background service worker JS heap (MB)', fmt(p.backgroundHeapMB), ''],
  ]);
}
