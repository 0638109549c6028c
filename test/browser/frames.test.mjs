import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries, waitForFrames, frames as framesOf } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

const env = suite();

const samePath = (a, b) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

test('every kind of frame is registered with its path, origin, parent and flavor, and its messages are attributed to it', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/frames.html')));
  await page.evaluate(() => window.loaded);
  await page.waitForFunction(() => ['srcdoc', 'data', 'sandboxed'].every((id) => window.received.some((r) => r.from === id)));
  await page.evaluate(() => {
    for (const f of document.querySelectorAll('iframe')) f.contentWindow.postMessage('hi ' + f.id, '*');
    document.getElementById('nested').contentWindow.postMessage('ping-inner', '*');
  });
  const got = await waitForEntries(env.ctx, page, (es) => {
    const recv = es.filter((e) => e.rec.k === 'win-recv');
    const inGrandchild = recv.find((e) => e.rec.data.t === 'string' && e.rec.data.v === 'ping-from-middle');
    const echo = recv.find((e) => e.frameId === 0 && e.rec.data.t === 'object' && e.rec.data.entries.some(([k]) => k === 'echo'));
    return inGrandchild && echo && recv.some((e) => e.rec.data.v === 'hi blank') ? es : null;
  }, { what: 'messages in every frame' });

  const registry = await framesOf(env.ctx, page);
  const live = registry.filter((f) => !f.gone);
  const byPath = (p) => live.find((f) => samePath(f.path, p));
  const top = byPath([]);
  assert.equal(top.frameId, 0);
  assert.equal(top.flavor, 'normal');
  assert.equal(top.origin, env.server.origins.A);
  const expect = [
    { path: [0], origin: env.server.origins.A, flavor: 'normal' },
    { path: [1], origin: env.server.origins.B, flavor: 'normal' },
    { path: [1, 0], origin: env.server.origins.C, flavor: 'normal' },
    { path: [2], origin: env.server.origins.A, flavor: 'about-blank' },
    { path: [3], origin: env.server.origins.A, flavor: 'srcdoc' },
    { path: [4], origin: 'null', flavor: 'data' },
    { path: [5], origin: 'null', flavor: 'opaque' },
  ];
  for (const x of expect) {
    const f = byPath(x.path);
    assert.ok(f, `frame at [${x.path}] is registered`);
    assert.equal(f.origin, x.origin, `origin of [${x.path}]`);
    assert.equal(f.flavor, x.flavor, `flavor of [${x.path}]`);
    const parentPath = x.path.slice(0, -1);
    assert.equal(f.parentFrameId, byPath(parentPath).frameId, `parent of [${x.path}]`);
  }

  // The grandchild's record names its sender as its parent, the middle frame at [1].
  const recv = got.filter((e) => e.rec.k === 'win-recv');
  const ping = recv.find((e) => e.rec.data.v === 'ping-from-middle');
  assert.equal(ping.frameId, byPath([1, 0]).frameId);
  assert.deepEqual(ping.rec.source, { rel: 'parent', path: [1] });
  assert.equal(ping.rec.origin, env.server.origins.B);
  // Messages from opaque-origin frames reach the top with origin "null", named by their path.
  const fromData = recv.find((e) => e.frameId === 0 && e.rec.data.t === 'object' && e.rec.data.entries.some(([k, v]) => k === 'from' && v.v === 'data'));
  assert.equal(fromData.rec.origin, 'null');
  assert.deepEqual(fromData.rec.source, { rel: 'child', path: [4] });
  const fromSandbox = recv.find((e) => e.frameId === 0 && e.rec.data.t === 'object' && e.rec.data.entries.some(([k, v]) => k === 'from' && v.v === 'sandboxed'));
  assert.deepEqual(fromSandbox.rec.source, { rel: 'child', path: [5] });
  // The message to the initial about:blank document was recorded inside it.
  const blank = recv.find((e) => e.rec.data.v === 'hi blank');
  assert.equal(blank.frameId, byPath([2]).frameId);
  await page.close();
});

test('a navigation of a child frame keeps the frame id and records the new document', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/window-basic.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate((url) => { document.getElementById('cross').src = url; }, env.server.url('C', '/child-echo.html'));
  const f = await waitForFrames(env.ctx, page, (fs) => fs.find((x) => !x.gone && samePath(x.path ?? [], [1]) && x.origin === env.server.origins.C), 'the navigated frame');
  assert.ok(f, 'the navigated frame now reports the new origin');
  assert.ok(f.navigations >= 2, `navigations counted (${f.navigations})`);
  await page.close();
});

test('a popup and its opener: messages both ways are recorded in both tabs', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/popup-opener.html')));
  const popupTarget = env.ctx.browser.waitForTarget((t) => t.url().includes('/popup.html'));
  await page.evaluate((url) => window.openPopup(url), env.server.url('B', '/popup.html'));
  const popup = await (await popupTarget).page();
  await page.waitForFunction(() => window.received.length >= 1);
  await page.evaluate(() => window.popup.postMessage('to popup', '*'));
  await page.waitForFunction(() => window.received.length >= 2);
  const inOpener = await waitForEntries(env.ctx, page, (es) => {
    const r = es.filter((e) => e.rec.k === 'win-recv');
    return r.length >= 2 ? r : null;
  }, { what: 'receives in the opener' });
  for (const e of inOpener) {
    assert.equal(e.rec.origin, env.server.origins.B);
    assert.deepEqual(e.rec.source, { rel: 'popup', path: null }, 'the popup is recognised by its opener, though outside the tab');
  }
  const inPopup = await waitForEntries(env.ctx, popup, (es) => es.find((e) => e.rec.k === 'win-recv' && e.rec.data.v === 'to popup'), { what: 'receive in the popup' });
  assert.deepEqual(inPopup.rec.source, { rel: 'opener', path: null });
  assert.equal(inPopup.rec.origin, env.server.origins.A);
  await popup.close();
  await page.close();
});
