import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../support/server.mjs';
import { launch, unique, tabIdOf, waitForEntries } from '../support/browser.mjs';

// Deep mode turns Chromium's own targetOrigin-mismatch warnings into records: the drops no page
// script can see. Turned on the way the panel does it, over a runtime port from an extension page.

let server, ctx;
before(async () => {
  server = await serve();
  ctx = await launch({ debuggerGranted: true });
});
after(async () => {
  await ctx?.close();
  await server?.close();
});

/** Sends { type: 'deep' } from an extension page and waits for the background's answer. */
async function setDeep(tabId, on) {
  const ext = await ctx.browser.newPage();
  await ext.goto(`chrome-extension://${ctx.extensionId}/panel.html?tab=${tabId}`);
  const answer = await ext.evaluate((tabId, on) => new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'postscope-panel' });
    port.onMessage.addListener((m) => { if (m.type === 'deep' && (m.on === on || m.error)) resolve(m); });
    // Like the panel: subscribe to the tab (the background answers subscribers only), then switch.
    port.postMessage({ v: 1, type: 'subscribe', tabId });
    port.postMessage({ v: 1, type: 'deep', tabId, on });
  }), tabId, on);
  await ext.close();
  return answer;
}

test('deep mode records targetOrigin mismatches with both origins and the call site, and labels the about:blank race', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(unique(server.url('A', '/drops.html')));
  await page.evaluate(() => window.loaded);
  const tabId = await tabIdOf(ctx, page);
  const on = await setDeep(tabId, true);
  assert.deepEqual([on.on, on.error], [true, null]);
  await page.evaluate(() => window.mismatch());
  await page.evaluate(() => window.race());
  const drops = await waitForEntries(ctx, page, (es) => {
    const d = es.filter((e) => e.rec.k === 'win-send');
    return d.length >= 2 ? d : null;
  }, { what: 'two dropped sends' });
  const [mismatch, race] = drops;
  assert.equal(mismatch.frameId, -1, 'not recorded by a frame hook');
  assert.equal(mismatch.rec.method, 'debugger');
  assert.equal(mismatch.rec.outcome, 'dropped-mismatch');
  assert.equal(mismatch.rec.targetOrigin, 'http://localhost:1');
  assert.equal(mismatch.rec.recipientOrigin, server.origins.B);
  assert.equal(mismatch.rec.recipientInitialBlank, false);
  assert.match(mismatch.rec.call.url, /drops\.html/);
  const fixture = readFileSync(new URL('../fixtures/drops.html', import.meta.url), 'utf8').split('\n');
  assert.equal(mismatch.rec.call.line, fixture.findIndex((l) => l.includes('window.mismatch =')) + 1, 'the line of the page\'s postMessage call');
  assert.equal(race.rec.targetOrigin, server.origins.B);
  assert.equal(race.rec.recipientOrigin, server.origins.A, 'the new frame still had its creator\'s origin');
  assert.equal(race.rec.recipientInitialBlank, true);
  const off = await setDeep(tabId, false);
  assert.equal(off.on, false);
  await page.close();
});
