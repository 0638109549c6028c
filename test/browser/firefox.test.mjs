import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { unique } from '../support/browser.mjs';
import { launchFirefox, firefoxPath, FIREFOX_EXTENSION_DIR } from '../support/firefox.mjs';
import { suite } from '../support/suite.mjs';

// The same code base as a Firefox MV3 add-on: web-ext lint passes, and window messages are captured
// across origins (the hook/bridge channel carries JSON strings, which cross Firefox's Xray
// boundary as plain values).

const env = suite(() => (firefoxPath() ? launchFirefox() : null));

test('web-ext lint reports no errors for dist/firefox', () => {
  const r = spawnSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.errors, [], JSON.stringify(report.errors, null, 2));
  assert.equal(report.summary.errors, 0);
});

test('Firefox: window messages to and from a cross-origin child are recorded in both frames', { skip: !firefoxPath() && 'firefox-esr is not installed' }, async () => {
  const page = await env.ctx.browser.newPage();
  const url = unique(env.server.url('A', '/window-basic.html'));
  await page.goto(url);
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => document.getElementById('cross').contentWindow.postMessage({ probe: 'firefox' }, '*'));
  await page.waitForFunction(() => window.received.length === 1);
  let got = [];
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    got = (await env.ctx.entries(url)).filter((e) => e.rec.k === 'win-recv');
    if (got.length >= 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const inChild = got.find((e) => e.rec.origin === env.server.origins.A);
  const inTop = got.find((e) => e.rec.origin === env.server.origins.B);
  assert.ok(inChild && inTop, `both receives recorded: ${JSON.stringify(got).slice(0, 500)}`);
  assert.notEqual(inChild.frameId, 0, 'the child\'s receive is attributed to the child frame');
  assert.equal(inTop.frameId, 0);
  assert.deepEqual(inChild.rec.source, { rel: 'parent', path: [] });
  assert.deepEqual(inChild.rec.data.entries.map(([k, v]) => [k, v.v]), [['probe', 'firefox']]);
  await page.close();
});
