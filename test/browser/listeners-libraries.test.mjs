import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { unique, waitForEntries } from '../support/browser.mjs';
import { loadModel, suite } from '../support/suite.mjs';

// Library dispatchers do not hide the real handlers: jQuery (the system's copy, from Debian's
// libjs-jquery) and a dispatcher laid out like Zone.js's. The hook records the handlers behind
// each, and the verdict judges those handlers.

const JQUERY = ['/usr/share/javascript/jquery/jquery.min.js', '/usr/share/javascript/jquery/jquery.js'].find(existsSync);

let model;
const env = suite({}, async () => {
  model = await loadModel('panel/model/origin-check.ts');
});

test('the handlers behind jQuery and Zone-style dispatchers are recorded and judged', { skip: !JQUERY && 'libjs-jquery is not installed' }, async () => {
  const page = await env.ctx.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/vendor/jquery.js') req.respond({ status: 200, contentType: 'text/javascript', body: readFileSync(JQUERY, 'utf8') });
    else req.continue();
  });
  await page.goto(unique(env.server.url('XA', '/listeners-libraries.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => document.getElementById('child').contentWindow.postMessage('ping', '*'));
  await page.waitForFunction(() => ['jq-strict:pong', 'jq-loose:pong', 'zone:pong'].every((x) => window.log.includes(x)), { timeout: 10000 });
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'listener-source').length >= 2 && es.filter((e) => e.rec.k === 'listener-run' && e.frameId === 0).length >= 2 ? es : null), { what: 'library handler records and runs' });
  const sources = es.filter((e) => e.rec.k === 'listener-source').map((e) => e.rec);
  assert.deepEqual(sources.map((r) => [r.lib, r.handlers.map((h) => h.name)]).sort(), [['jquery', ['jqStrict', 'jqLoose']], ['zone', ['zoneHandler']]]);
  const verdicts = model.listenerVerdicts({ entries: es.filter((e) => e.frameId === 0), frames: [] });
  const jq = verdicts.find((v) => v.library === 'jquery');
  const zone = verdicts.find((v) => v.library === 'zone');
  assert.equal(jq.name, 'jqStrict, jqLoose');
  assert.equal(jq.kind, 'bypassable', jq.reason);
  assert.match(jq.example, /b\.test/);
  assert.equal(zone.name, 'zoneHandler');
  assert.equal(zone.kind, 'strict', zone.reason);
  await page.close();
});
