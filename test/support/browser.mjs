// Launches Debian's Chromium with the built extension (dist/chrome) through puppeteer-core and
// reads what Postscope recorded from the extension's own service worker. Nothing is downloaded.
import puppeteer from 'puppeteer-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(root, 'dist', 'chrome');

export const chromiumPath = () => {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (p && existsSync(p)) return p;
  throw new Error('Chromium not found: install Debian\'s chromium or set CHROMIUM');
};

/** Flags for a quiet, offline Chromium; *.test names resolve to loopback for cross-site frames. */
export const baseArgs = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--no-sandbox',
  '--host-resolver-rules=MAP *.test 127.0.0.1, EXCLUDE localhost',
  '--site-per-process',
];

/**
 * A copy of the built extension whose optional debugger permission is already granted (as a
 * required one): the browser's permission prompt cannot be answered from a test. The code is the
 * same; only the manifest differs.
 */
const grantedDebuggerCopy = (dir) => {
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = [...manifest.permissions, 'debugger'];
  delete manifest.optional_permissions;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
};

/**
 * @param {{ extension?: boolean, devtools?: boolean, headless?: boolean, args?: string[], debuggerGranted?: boolean }} opts
 */
export async function launch({ extension = true, devtools = false, headless = true, args = [], debuggerGranted = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'postscope-'));
  const extDir = debuggerGranted ? grantedDebuggerCopy(join(userDataDir, 'extension')) : EXTENSION_DIR;
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: headless ? true : false,
    userDataDir,
    pipe: true,
    // Loaded once, through the protocol (pipe): adding --load-extension too loaded it twice, and about
    // one launch in twelve then exposed a dead first service worker target.
    enableExtensions: extension ? [extDir] : false,
    devtools,
    handleDevToolsAsPage: devtools,
    args: [...baseArgs, ...args],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  let extensionId = null;
  if (extension) {
    const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15000 });
    extensionId = new URL(sw.url()).host;
  }
  const ctx = {
    browser,
    extensionId,
    async worker() {
      const t = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 15000 });
      return t.worker();
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** The tab id Chrome gave `page`, found by a unique marker in its URL. */
export async function tabIdOf(ctx, page) {
  const url = page.url();
  const worker = await ctx.worker();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const t = tabs.find((x) => x.url === u || x.pendingUrl === u);
    return t ? t.id : null;
  }, url);
}

/** Every entry the background stored for `page`'s tab, oldest first. */
export async function entries(ctx, page) {
  const tabId = await tabIdOf(ctx, page);
  if (tabId === null) return [];
  const worker = await ctx.worker();
  return worker.evaluate(async (tabId) => (await self.postscopeHistory(tabId)).entries, tabId);
}

/** The tab's frames and history counters, read without the records. */
async function summary(ctx, page) {
  const tabId = await tabIdOf(ctx, page);
  const worker = await ctx.worker();
  return worker.evaluate(async (tabId) => self.postscopeHistory(tabId, false), tabId);
}

/** The history counters of `page`'s tab (stored, evicted, malformed). */
export const stats = async (ctx, page) => (await summary(ctx, page)).stats;

/** Frames the background knows for `page`'s tab. */
export const frames = async (ctx, page) => (await summary(ctx, page)).frames;

/** Polls until `predicate(entries)` is truthy; returns its value. Fails with the last entries seen. */
export async function waitForEntries(ctx, page, predicate, { timeout = 10000, what = 'entries' } = {}) {
  const deadline = Date.now() + timeout;
  let last = [];
  for (;;) {
    last = await entries(ctx, page).catch(() => last);
    const v = predicate(last);
    if (v) return v;
    if (Date.now() > deadline) {
      const summary = last.map((e) => `${e.frameId} ${e.rec.k} ${JSON.stringify(e.rec).slice(0, 160)}`).join('\n');
      throw new Error(`timed out waiting for ${what}; have ${last.length}:\n${summary}`);
    }
    // Reading every record is work for the service worker that is being waited on: not too often.
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Polls the tab's frame registry until `predicate(frames)` is truthy; returns its value. */
export async function waitForFrames(ctx, page, predicate, what = 'frames', timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const fs = await frames(ctx, page).catch(() => []);
    const v = predicate(fs);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(fs).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls a page-side condition (a function evaluated in the page) until truthy. */
export async function waitInPage(page, fn, ...args) {
  return page.waitForFunction(fn, { timeout: 10000, polling: 50 }, ...args);
}

let counter = 0;
/** A URL made unique per test so its tab can be found. */
export const unique = (url) => `${url}${url.includes('?') ? '&' : '?'}t=${process.pid}-${++counter}-${Date.now()}`;
