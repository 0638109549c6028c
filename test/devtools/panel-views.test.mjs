import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tabIdOf, unique } from '../support/browser.mjs';
import { openPanel } from '../support/devtools.mjs';
import { suite } from '../support/suite.mjs';

// The Postscope panel in real DevTools (headful Chromium, DevTools opened for the tab, the panel
// selected through InspectorFrontendAPI.showPanel), driven through its own frame.

let page, panel, devtools;
const downloads = mkdtempSync(join(tmpdir(), 'postscope-dl-'));
const HOSTILE = '<img src=x onerror="window.pwned=1"><b>bold</b>';

const env = suite({ devtools: true, headless: false }, async ({ ctx, server }) => {
  page = (await ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await ctx.browser.newPage());
  await page.goto(unique(server.url('A', '/window-basic.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate((hostile) => {
    document.getElementById('cross').contentWindow.postMessage({ marker: 'to-cross', html: hostile }, '*');
    document.getElementById('same').contentWindow.postMessage({ marker: 'to-same', long: 'x'.repeat(100_000) }, '*');
  }, HOSTILE);
  await page.waitForFunction(() => window.received.length === 2);
  ({ panel, devtools } = await openPanel(ctx));
  // Four receives: each child got one message and the top got both echoes.
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 4, { timeout: 15000 });
});
after(() => rmSync(downloads, { recursive: true, force: true }));

/** Visible rows in display order (row elements are recycled, so DOM order is not display order). */
const rowTexts = () => panel.$$eval('.grid-row', (rs) => rs.sort((a, b) => a.ariaRowIndex - b.ariaRowIndex).map((r) => r.textContent));
const row = (index) => `.grid-row[aria-rowindex="${index + 2}"]`;
const typeFilter = async (text) => {
  await panel.click('[data-testid=filter]', { clickCount: 3 });
  await devtools.keyboard.press('Backspace');
  if (text) await panel.type('[data-testid=filter]', text);
};

test('the timeline filters by key:value terms and negation', async () => {
  await typeFilter(`origin:${env.server.origins.B}`);
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 1);
  assert.match((await rowTexts())[0], /echo/);
  await typeFilter('-kind:window');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 0);
  await typeFilter('to-cross');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 2);
  await typeFilter('');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 4);
});

test('selecting a row opens its details; page HTML and huge strings render as bounded text', async () => {
  const index = (await rowTexts()).findIndex((t) => t.includes('to-cross') && !t.includes('echo'));
  assert.ok(index >= 0);
  await panel.click(row(index));
  await panel.waitForSelector('[data-testid=data-tree]');
  const tree = await panel.$eval('[data-testid=data-tree]', (t) => t.textContent);
  assert.match(tree, /marker/);
  assert.ok(tree.includes(HOSTILE), 'the markup is shown as its text');
  assert.equal(await panel.$$eval('.app img, .app b', (els) => els.filter((e) => e.closest('.details, .grid')).length), 0, 'no element was created from page data');
  assert.equal(await panel.evaluate(() => window.pwned), undefined);
  // Keyboard: the grid moves the selection with the arrow keys.
  const before = await panel.$eval('.grid-row.selected', (r) => r.dataset.id);
  await panel.focus('[data-testid=grid]');
  await devtools.keyboard.press(index === 3 ? 'ArrowUp' : 'ArrowDown');
  await panel.waitForFunction((b) => document.querySelector('.grid-row.selected')?.dataset.id !== b, {}, before);
  const long = (await rowTexts()).findIndex((t) => t.includes('to-same') && !t.includes('echo'));
  await panel.click(row(long));
  await panel.waitForFunction(() => document.querySelector('[data-testid=data-tree]')?.textContent.includes('100000 characters'));
  const shown = await panel.$eval('[data-testid=data-tree]', (t) => t.textContent.length);
  assert.ok(shown < 2000, `a 100,000-character string is cut in the tree (${shown} characters shown)`);
  await panel.click('[aria-label="Close details"]');
});

test('"Store as global" puts the message data into the inspected page through inspectedWindow.eval', async () => {
  const index = (await rowTexts()).findIndex((t) => t.includes('to-cross') && !t.includes('echo'));
  await panel.click(row(index));
  await panel.waitForSelector('[data-testid=details]');
  const store = await panel.waitForSelector('xpath/.//button[text()="Store as global"]');
  await store.click();
  await panel.waitForFunction(() => /Stored as \$postscope1/.test(document.querySelector('.details .status')?.textContent ?? ''));
  assert.deepEqual(await page.evaluate(() => globalThis.$postscope1), { marker: 'to-cross', html: HOSTILE });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await panel.click('[aria-label="Close details"]');
});

test('"Open in window" opens the panel standalone for the tab (panel.html?tab=<id>) with the same messages', async () => {
  const tabId = await tabIdOf(env.ctx, page);
  const url = `chrome-extension://${env.ctx.extensionId}/panel.html?tab=${tabId}`;
  await panel.click('[title="Open this panel in its own window"]');
  const target = await env.ctx.browser.waitForTarget((t) => t.url() === url, { timeout: 10000 });
  const standalone = await target.asPage();
  await standalone.waitForFunction(() => document.querySelectorAll('.grid-row').length === 4);
  assert.equal(await standalone.$('[title="Open this panel in its own window"]'), null, 'no "open in window" inside the window itself');
  await standalone.close();
});

test('export then import a session shows the same messages', async () => {
  const cdp = await env.ctx.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  const before = await rowTexts();
  await panel.click('[data-testid=export]');
  const file = await waitFor(() => readdirSync(downloads).find((f) => f.endsWith('.json')), 'the exported file');
  const session = JSON.parse(readFileSync(join(downloads, file), 'utf8'));
  assert.equal(session.format, 'postscope-session');
  assert.equal(session.entries.filter((e) => e.rec.k === 'win-recv').length, 4);
  await panel.click('[data-testid=clear]');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 0);
  const input = await panel.$('[data-testid=import-file]');
  await input.uploadFile(join(downloads, file));
  await panel.waitForSelector('[data-testid=imported]');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 4);
  assert.deepEqual((await rowTexts()).map(withoutTime), before.map(withoutTime));
  await cdp.detach();
});

const withoutTime = (t) => t.replace(/^[\d.]+ s/, '');

async function waitFor(fn, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
