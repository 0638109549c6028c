// One side of a comparison: a Chromium with or without Postscope, DevTools closed or open on the
// Postscope panel (without the extension, DevTools is open on its default panel). Cases drive the
// side's single page; between rounds the side waits until Postscope has stored (and the panel has
// rendered) everything, so one round's backlog never bills the next.
import { launch, unique } from '../test/support/browser.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Postscope is idle once its stored count has not moved for this long. 400 ms was too short with
 * the panel open: one coalesced history write, or the panel's share of the worker, paused the count
 * that long mid-drain, and a round looked finished with three quarters of its records still coming.
 */
const STABLE_MS = 1500;

/** @param {{ extension: boolean, devtools: boolean, server: { url(name: string, path: string): string } }} o */
export async function openSide({ extension, devtools, server }) {
  const ctx = await launch({ extension, devtools, headless: false, args: ['--window-size=1400,1000'] });
  const { browser } = ctx;
  const page = (await browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await browser.newPage());
  let tabId = null;
  let panel = null;
  /** Counters at the end of the previous settle: each round reports its own records. */
  let baseline = { recorded: 0, malformed: 0 };
  const side = {
    extension,
    devtools,
    name: extension ? 'with' : 'without',
    ctx,
    page,
    /** The DevTools frame showing Postscope's panel.html, when open. */
    panel: () => panel,
    /** Navigates the side's page to a fresh URL of a bench fixture and waits for window.bench. */
    async open(path, ready = 'window.bench ? window.bench.ready() : true') {
      await page.goto(unique(server.url('A', path)), { waitUntil: 'load' });
      await page.evaluate(ready);
      if (extension && tabId === null) tabId = await tabIdOfActive(ctx);
    },
    tabId: () => tabId,
    /**
     * CPU time (ms) used so far by the renderer processes of the page and its out-of-process
     * frames (CDP Performance.getMetrics ProcessTime). Unlike wall time it barely moves when other
     * work competes for the cores; Postscope's hook and bridge run in these processes.
     */
    async cpuTime() {
      const targets = [page.target(), ...browser.targets().filter((t) => t.type() !== 'page' && t.url().startsWith('http'))];
      let seconds = 0;
      for (const t of targets) {
        const cdp = await t.createCDPSession();
        try {
          await cdp.send('Performance.enable');
          const { metrics } = await cdp.send('Performance.getMetrics');
          seconds += metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0;
        } finally {
          await cdp.detach().catch(() => undefined);
        }
      }
      return seconds * 1000;
    },
    /** Records stored for this tab since the last clear (stored + evicted). */
    recorded: async () => (await side.counters()).recorded,
    /** The background's counters for this tab: records stored (incl. evicted) and batches reported malformed or dropped. */
    async counters() {
      if (!extension || tabId === null) return { recorded: 0, malformed: 0 };
      const worker = await ctx.worker();
      return worker.evaluate(async (id) => {
        const { stats } = await self.postscopeHistory(id, false);
        return { recorded: stats.stored + stats.evicted, malformed: stats.malformed };
      }, tabId);
    },
    /**
     * Waits until Postscope is idle: the stored count has not moved for STABLE_MS and, with the panel
     * open, the panel's main thread is idle; then empties the panel (its Clear button). Returns
     * how long the drain took (ms), how many records were stored and how many batches the bridge
     * reported malformed or dropped, or null without the extension.
     */
    async settle({ timeout = 30000 } = {}) {
      if (!extension) return null;
      const t0 = Date.now();
      let last = -1;
      let counters = { recorded: 0, malformed: 0 };
      let stableSince = Date.now();
      for (;;) {
        counters = await side.counters().catch(() => counters);
        const n = counters.recorded;
        if (n !== last) {
          last = n;
          stableSince = Date.now();
        } else if (Date.now() - stableSince >= STABLE_MS) break;
        if (Date.now() - t0 > timeout) break;
        await sleep(50);
      }
      if (panel) await panelIdle(panel, Math.max(1000, timeout - (Date.now() - t0)));
      const timedOut = Date.now() - t0 > timeout;
      const drained = { ms: Date.now() - t0 - (timedOut ? 0 : STABLE_MS), timedOut, stored: counters.recorded - baseline.recorded, malformed: counters.malformed - baseline.malformed };
      if (panel) await clearPanel(panel);
      baseline = await side.counters().catch(() => ({ recorded: 0, malformed: 0 }));
      return drained;
    },
    close: () => ctx.close(),
  };
  if (devtools) {
    await page.goto('about:blank');
    if (extension) panel = await showPostscopePanel(ctx);
  }
  return side;
}

/** The id of the only normal tab of this browser (DevTools windows are not tabs). */
async function tabIdOfActive(ctx) {
  const worker = await ctx.worker();
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const normal = tabs.filter((t) => !(t.url ?? '').startsWith('devtools://'));
    return normal.length ? normal[normal.length - 1].id : null;
  });
}

/**
 * Selects the Postscope panel in the page's DevTools window. DevTools names an extension panel
 * by the extension's origin followed by the panel title; InspectorFrontendAPI.showPanel is the
 * front end's own entry point for selecting a panel by name.
 */
async function showPostscopePanel(ctx) {
  const target = await ctx.browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/'), { timeout: 20000 });
  const dt = await target.asPage();
  await dt.waitForFunction(() => typeof InspectorFrontendAPI !== 'undefined', { timeout: 20000 });
  const name = `chrome-extension://${ctx.extensionId}Postscope`;
  const deadline = Date.now() + 20000;
  for (;;) {
    await dt.evaluate((n) => InspectorFrontendAPI.showPanel(n), name).catch(() => undefined);
    const frame = dt.frames().find((f) => f.url().endsWith('/panel.html'));
    if (frame) {
      await frame.waitForFunction(() => document.readyState === 'complete' && document.getElementById('root')?.childElementCount > 0, { timeout: 20000 });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('the Postscope panel did not appear in DevTools');
    await sleep(200);
  }
}

/** `promise`, or `fallback` after `ms`: a panel whose main thread is stuck must not hang the run. */
export const within = (promise, ms, fallback = null) => Promise.race([promise.catch(() => fallback), sleep(ms).then(() => fallback)]);

/** Resolves when two consecutive 100 ms timers in `frame` fire on time (its main thread is idle); null if it never was. */
export const panelIdle = (frame, timeout) => within(panelIdleIn(frame, timeout), timeout + 5000);

const panelIdleIn = (frame, timeout) =>
  frame.evaluate((timeout) => new Promise((resolve) => {
    const start = performance.now();
    let calm = 0;
    const tick = (due) => {
      const late = performance.now() - due;
      calm = late < 20 ? calm + 1 : 0;
      if (calm >= 2 || performance.now() - start > timeout) resolve(performance.now() - start);
      else setTimeout(() => tick(due + 100 + late), 100);
    };
    setTimeout(() => tick(performance.now() + 100), 100);
  }), timeout).catch(() => null);

/** Presses the panel's Clear control (the background then empties the tab's history and the panel). */
async function clearPanel(frame) {
  const press = frame.evaluate(() => {
    const byTitle = [...document.querySelectorAll('button')].find((b) => /clear/i.test(b.title || b.getAttribute('aria-label') || b.textContent || ''));
    byTitle?.click();
  });
  await within(press, 10000);
  await panelIdle(frame, 10000);
}
