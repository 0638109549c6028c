import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// The hook holds page objects only weakly: 10,000 channels the page used and dropped can all be
// collected with Postscope loaded, and their collection is recorded.

const env = suite({ args: ['--js-flags=--expose-gc'] });

const collectAll = async (page) => {
  // WeakRef targets stay alive until the end of the task that made them; collect in later tasks.
  let alive = Infinity;
  for (let round = 0; round < 100 && alive > 0; round++) {
    alive = await page.evaluate(async () => {
      gc();
      await new Promise((r) => setTimeout(r, 20));
      gc();
      return window.alive();
    });
  }
  return alive;
};

test('10,000 dropped channels are garbage-collected with the hook installed', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-gc.html')));
  assert.equal(await page.evaluate(() => typeof gc), 'function', 'gc is exposed');
  assert.equal(await page.evaluate(() => window.make(10_000)), 30_000);
  await waitForEntries(env.ctx, page, (es) => es.some((e) => e.rec.k === 'channel'), { what: 'the hook saw the channels' });
  assert.equal(await collectAll(page), 0, 'every channel and port was collected');
  await page.close();
});

test('collection of a port is recorded once the browser collects it', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-gc.html')));
  await page.evaluate(() => window.make(100));
  assert.equal(await collectAll(page), 0);
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'port-state' && e.rec.state === 'collected').length >= 100 ? es : null), { what: 'collection records', timeout: 15000 });
  const ports = new Set(es.filter((e) => e.rec.k === 'channel').flatMap((e) => [e.rec.port1, e.rec.port2]));
  assert.equal(ports.size, 200);
  for (const e of es) if (e.rec.k === 'port-state' && e.rec.state === 'collected') assert.ok(ports.has(e.rec.port));
  await page.close();
});
