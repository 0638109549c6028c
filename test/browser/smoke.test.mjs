import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

const env = suite();

test('window messages to and from same- and cross-origin children are recorded on the receiving side', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/window-basic.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => {
    document.getElementById('same').contentWindow.postMessage({ n: 1 }, '*');
    document.getElementById('cross').contentWindow.postMessage({ n: 2 }, '*');
  });
  await page.waitForFunction(() => window.received.length === 2);
  const got = await waitForEntries(env.ctx, page, (es) => {
    const recv = es.filter((e) => e.rec.k === 'win-recv');
    return recv.length >= 4 ? recv : null;
  }, { what: 'four window receives' });
  const inChild = got.filter((e) => e.frameId !== 0);
  const inTop = got.filter((e) => e.frameId === 0);
  assert.equal(inChild.length, 2);
  assert.equal(inTop.length, 2);
  for (const e of inChild) assert.equal(e.rec.source.rel, 'parent');
  for (const e of inTop) assert.equal(e.rec.source.rel, 'child');
  const crossEcho = inTop.find((e) => e.rec.origin === env.server.origins.B);
  assert.ok(crossEcho, 'echo from the cross-origin child');
  assert.deepEqual(crossEcho.rec.data.entries.map(([k]) => k), ['echo', 'from']);
  await page.close();
});
