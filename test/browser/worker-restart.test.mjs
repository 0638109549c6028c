import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// MV3 may stop the extension's service worker at any moment. Records in flight must survive: the
// bridge keeps each batch until the background acknowledges it was written to its history.

const env = suite();

/** Stops the extension's running service worker through the DevTools protocol; resolves once it is gone. */
async function stopWorker(cdp, extensionId) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!sw) return false;
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  return true;
}

test('stopping the service worker during recording loses no record and duplicates none', async () => {
  const N = 400;
  const cdp = await env.ctx.browser.target().createCDPSession();
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/steady-sender.html')));
  const sending = page.evaluate((n) => window.start(n, 2), N);
  let stops = 0;
  // Stop the worker repeatedly while the page is still sending.
  while (stops < 4) {
    await page.waitForFunction((k) => window.sent >= k, {}, ((stops + 1) * N) / 5);
    if (await stopWorker(cdp, env.ctx.extensionId)) stops++;
  }
  assert.equal(await sending, N);
  const recv = await waitForEntries(env.ctx, page, (es) => {
    const r = es.filter((e) => e.rec.k === 'win-recv');
    return r.length >= N ? r : null;
  }, { what: `${N} receives`, timeout: 20000 });
  const ns = recv.map((e) => Number(e.rec.data.entries[0][1].v));
  assert.equal(new Set(ns).size, N, 'every message exactly once');
  assert.equal(recv.length, N, 'no duplicates');
  assert.deepEqual(ns, [...ns].sort((a, b) => a - b), 'in order');
  assert.equal(stops, 4);
  await page.close();
});
