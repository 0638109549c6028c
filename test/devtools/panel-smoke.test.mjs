import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { unique } from '../support/browser.mjs';
import { openPanel } from '../support/devtools.mjs';
import { suite } from '../support/suite.mjs';

// Real DevTools: the Postscope panel is selected through the DevTools front-end and read from its
// own frame. Messages sent before the panel was ever shown must be there (per-tab history).

const env = suite({ devtools: true, headless: false });

test('messages sent before the panel opened, and after, are listed in the Postscope panel', async () => {
  const page = (await env.ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await env.ctx.browser.newPage());
  await page.goto(unique(env.server.url('A', '/window-basic.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => document.getElementById('cross').contentWindow.postMessage({ marker: 'before-panel' }, '*'));
  await page.waitForFunction(() => window.received.length === 1);
  const { panel } = await openPanel(env.ctx);
  const rowsWith = (text) => panel.waitForFunction((t) => [...document.querySelectorAll('[data-kind]')].filter((r) => r.textContent.includes(t)).length, { timeout: 10000 }, text);
  await rowsWith('before-panel');
  await page.evaluate(() => document.getElementById('same').contentWindow.postMessage({ marker: 'after-panel' }, '*'));
  await rowsWith('after-panel');
  const text = await panel.$eval('body', (b) => b.textContent);
  assert.match(text, new RegExp(env.server.origins.B.replace(/[.]/g, '\\.')), 'the cross-origin child is named with its origin');
});

test('a burst of 5,000 messages reaches the open panel whole (large relayed batches are split for the panel), and the view follows it', async () => {
  const page = (await env.ctx.browser.pages()).find((p) => p.url().includes('window-basic.html'));
  const { panel } = await openPanel(env.ctx);
  const count = () => panel.$eval('[data-testid=count]', (e) => parseInt(e.textContent, 10));
  const before = await count();
  await page.evaluate(() => new Promise((done) => {
    let got = 0;
    addEventListener('message', (e) => { if (e.data && e.data.burst !== undefined && ++got === 5000) done(); });
    for (let i = 0; i < 5000; i++) window.postMessage({ burst: i }, '*');
  }));
  // Each message is recorded at least once (its receive; the page's listeners add their runs).
  await panel.waitForFunction((n) => parseInt(document.querySelector('[data-testid=count]').textContent, 10) >= n, { timeout: 30000 }, before + 5000);
  assert.ok((await count()) >= before + 5000);
  // The view followed the newest rows, as the Console does while it is scrolled to its end.
  const shows = (text) => panel.evaluate((t) => [...document.querySelectorAll('[data-testid=grid] [role=row]')].some((r) => r.textContent.includes(t)), text);
  await panel.waitForFunction(() => [...document.querySelectorAll('[data-testid=grid] [role=row]')].some((r) => r.textContent.includes('burst: 4999')), { timeout: 10000 });
  // Scrolled up, it stays where the user put it when more messages arrive.
  await panel.$eval('.grid-body', (el) => {
    el.scrollTop = 0;
    el.dispatchEvent(new Event('scroll'));
  });
  const shown = await count();
  await page.evaluate(() => window.postMessage({ later: 1 }, '*'));
  await panel.waitForFunction((n) => parseInt(document.querySelector('[data-testid=count]').textContent, 10) > n, { timeout: 10000 }, shown);
  assert.equal(await shows('later: 1'), false, 'a view scrolled up is not pulled to the end');
  assert.equal(await panel.$eval('.grid-body', (el) => el.scrollTop), 0);
});

test('npm start --check: the README\'s first command opens the demo with the panel showing its messages', () => {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--check'], { encoding: 'utf8', timeout: 90000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /panel shows \d+ rows/);
});
