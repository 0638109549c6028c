import type { Browser, Page, Target } from 'puppeteer-core';
import type { Entry, FrameNode, Stats } from '../extension/protocol';
import { CliError } from './errors';

// Reads what the extension recorded for a tab inside its service worker, with the background's own
// reader of its history (postscopeHistory, extension/background/index.ts), so the CLI does not
// depend on the storage layout. The values are checked against the session schema before use
// (cli/record.ts): page data passed through them.

export interface TabRecords {
  entries: Entry[];
  frames: FrameNode[];
  stats: Stats | null;
}

/** Postscope's background (dist/chrome/manifest.json: background.service_worker). */
const isOurWorker = (t: Target) => t.type() === 'service_worker' && /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(t.url());

/**
 * Chrome stops and restarts an extension's worker when it likes (also right after loading it), and
 * the stopped one's target can linger next to the new one: evaluating there fails with "No SW". A
 * worker that is just starting may not have its extension bindings yet ("chrome is not defined").
 */
const workerGone = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || /No SW|No target|Target closed|Session closed|detached|chrome is not defined/i.test(e.message));

/** A stopped worker's target may never get an execution context: puppeteer would wait 30 s for it. */
const ATTEMPT_MS = 5_000;

const answerWithin = <R>(work: Promise<R>, ms: number): Promise<R> => {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

/** Runs `fn` in the extension's service worker, trying the newest worker target first. */
export const inWorker = async <R>(browser: Browser, fn: (arg: string | number | null) => Promise<R>, arg: string | number | null): Promise<R> => {
  const deadline = Date.now() + 15_000;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const targets = browser.targets().filter(isOurWorker).reverse();
    if (targets.length === 0) await browser.waitForTarget(isOurWorker, { timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
    for (const t of targets) {
      try {
        const worker = await answerWithin(t.worker(), ATTEMPT_MS);
        if (worker) return (await answerWithin(worker.evaluate(fn, arg), ATTEMPT_MS)) as R;
      } catch (e) {
        if (!workerGone(e)) throw e;
        lastError = e;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new CliError(`the Postscope extension's service worker did not answer within 15 s${lastError instanceof Error ? ` (${lastError.message})` : ''}: is dist/chrome a complete build?`);
};

/** Waits until the extension is running. */
export const extensionStarted = (browser: Browser): Promise<unknown> => inWorker(browser, async () => chrome.runtime.id, null);

/** The extension's tab id for `page`: the only tab, or the one showing the page's URL. */
export const tabIdOf = async (browser: Browser, page: Page): Promise<number> => {
  const id = await inWorker(browser, async (url) => {
    const tabs = await chrome.tabs.query({});
    const match = tabs.length === 1 ? tabs[0] : tabs.find((t) => t.url === url || t.pendingUrl === url);
    return match?.id ?? null;
  }, page.url());
  if (id === null) throw new CliError(`could not find the browser tab showing ${page.url()}`);
  return id;
};

export const readTab = (browser: Browser, tabId: number): Promise<TabRecords> =>
  inWorker(browser, async (tabId) => {
    const read = (globalThis as { postscopeHistory?: (tabId: number) => Promise<TabRecords> }).postscopeHistory;
    return read && typeof tabId === 'number' ? read(tabId) : { entries: [], frames: [], stats: null };
  }, tabId);

/**
 * Waits until the stored record count stops changing for `quietMs`. The hook flushes at the end of
 * each task and the bridge forwards at once, but a reply from another process and the background's
 * coalesced writes (25 ms) can leave a gap of a few hundred milliseconds on a loaded machine (300 ms
 * cut a reply off once in CI); a page that keeps messaging never goes quiet and is cut at the deadline.
 */
export const settle = async (browser: Browser, tabId: number, deadline: number, quietMs = 800): Promise<TabRecords> => {
  let last = await readTab(browser, tabId);
  let stableSince = Date.now();
  while (Date.now() - stableSince < quietMs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await readTab(browser, tabId);
    if (now.entries.length !== last.entries.length || now.frames.length !== last.frames.length) stableSince = Date.now();
    last = now;
  }
  return last;
};
