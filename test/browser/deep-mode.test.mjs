import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unique, tabIdOf, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// Deep mode turns Chromium's own targetOrigin-mismatch warnings into records: the drops no page
// script can see. Turned on and off with the panel's checkbox.

const env = suite({ debuggerGranted: true });

/** Switches deep mode with the panel's own checkbox (the panel opened standalone on the tab). */
async function setDeep(tabId, on) {
  const panel = await env.ctx.browser.newPage();
  await panel.goto(`chrome-extension://${env.ctx.extensionId}/panel.html?tab=${tabId}`);
  await panel.waitForSelector('[data-testid=deep]');
  if ((await panel.$eval('[data-testid=deep]', (c) => c.checked)) !== on) await panel.click('[data-testid=deep]');
  // The checkbox shows the state the background reports back, not the click.
  await panel.waitForFunction((on) => document.querySelector('[data-testid=deep]').checked === on && !document.querySelector('[data-testid=deep-error]'), { timeout: 10000 }, on);
  await panel.close();
}

test('deep mode records targetOrigin mismatches with both origins and the call site, and labels the about:blank race', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/drops.html')));
  await page.evaluate(() => window.loaded);
  const tabId = await tabIdOf(env.ctx, page);
  await setDeep(tabId, true);
  await page.evaluate(() => window.mismatch());
  await page.evaluate(() => window.race());
  const drops = await waitForEntries(env.ctx, page, (es) => {
    const d = es.filter((e) => e.rec.k === 'win-send');
    return d.length >= 2 ? d : null;
  }, { what: 'two dropped sends' });
  const [mismatch, race] = drops;
  assert.equal(mismatch.frameId, -1, 'not recorded by a frame hook');
  assert.equal(mismatch.rec.method, 'debugger');
  assert.equal(mismatch.rec.outcome, 'dropped-mismatch');
  assert.equal(mismatch.rec.targetOrigin, 'http://localhost:1');
  assert.equal(mismatch.rec.recipientOrigin, env.server.origins.B);
  assert.equal(mismatch.rec.recipientInitialBlank, false);
  assert.match(mismatch.rec.call.url, /drops\.html/);
  const fixture = readFileSync(new URL('../fixtures/drops.html', import.meta.url), 'utf8').split('\n');
  assert.equal(mismatch.rec.call.line, fixture.findIndex((l) => l.includes('window.mismatch =')) + 1, 'the line of the page\'s postMessage call');
  assert.equal(race.rec.targetOrigin, env.server.origins.B);
  assert.equal(race.rec.recipientOrigin, env.server.origins.A, 'the new frame still had its creator\'s origin');
  assert.equal(race.rec.recipientInitialBlank, true);
  await setDeep(tabId, false);
  await page.close();
});
