import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serve } from '../support/server.mjs';
import { launch, unique } from '../support/browser.mjs';
import { openPanel } from '../support/devtools.mjs';

// Real DevTools: the Postscope panel is selected through the DevTools front-end and read from its
// own frame. Messages sent before the panel was ever shown must be there (per-tab history).

let server, ctx;
before(async () => {
  server = await serve();
  ctx = await launch({ devtools: true, headless: false });
});
after(async () => {
  await ctx?.close();
  await server?.close();
});

test('messages sent before the panel opened, and after, are listed in the Postscope panel', async () => {
  const page = (await ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await ctx.browser.newPage());
  await page.goto(unique(server.url('A', '/window-basic.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => document.getElementById('cross').contentWindow.postMessage({ marker: 'before-panel' }, '*'));
  await page.waitForFunction(() => window.received.length === 1);
  const { panel } = await openPanel(ctx);
  const rowsWith = (text) => panel.waitForFunction((t) => [...document.querySelectorAll('[data-kind]')].filter((r) => r.textContent.includes(t)).length, { timeout: 10000 }, text);
  await rowsWith('before-panel');
  await page.evaluate(() => document.getElementById('same').contentWindow.postMessage({ marker: 'after-panel' }, '*'));
  await rowsWith('after-panel');
  const text = await panel.$eval('body', (b) => b.textContent);
  assert.match(text, new RegExp(server.origins.B.replace(/[.]/g, '\\.')), 'the cross-origin child is named with its origin');
});

test('npm start --check: the README\'s first command opens the demo with the panel showing its messages', () => {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--check'], { encoding: 'utf8', timeout: 90000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /panel shows \d+ rows/);
});
