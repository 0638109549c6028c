import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unique } from '../support/browser.mjs';
import { launchFirefox, firefoxPath } from '../support/firefox.mjs';
import { suite } from '../support/suite.mjs';

// The listener instrumentation in Firefox: registrations with their source and call site (parsed
// from Firefox's stack format), and runs with traced origin operations.

const env = suite(() => (firefoxPath() ? launchFirefox() : null));

const fixtureLine = (needle) => readFileSync(new URL('../fixtures/listeners-victim.html', import.meta.url), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

test('Firefox: message listeners are recorded with source and call site, and their origin operations traced', { skip: !firefoxPath() && 'firefox-esr is not installed' }, async () => {
  const page = await env.ctx.browser.newPage();
  const url = unique(env.server.url('A', '/listeners-victim.html'));
  await page.goto(url);
  await page.waitForFunction(() => window.seen.some(([n]) => n === 'noCheck'), { timeout: 10000, polling: 50 });
  let es = [];
  const deadline = Date.now() + 15000;
  const ran = (name) => {
    const add = es.find((e) => e.rec.k === 'listener-add' && e.rec.name === name);
    return add && es.find((e) => e.rec.k === 'listener-run' && e.rec.listener === add.rec.listener);
  };
  while (Date.now() < deadline) {
    es = await env.ctx.entries(url);
    if (ran('indexOfCheck') && ran('unanchoredRegExp') && ran('nullAllowed')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const add = es.find((e) => e.rec.k === 'listener-add' && e.rec.name === 'indexOfCheck');
  assert.ok(add, 'the registration is recorded');
  assert.match(add.rec.source, /^function indexOfCheck\(e\)/);
  assert.match(add.rec.call.url, /listeners-victim\.html/);
  assert.equal(add.rec.call.line, fixtureLine('addEventListener(\'message\', l)'));
  assert.deepEqual(ran('indexOfCheck').rec.ops.map((o) => [o.op, o.role, o.args[0]]), [['String.indexOf', 'this', '"a.test"']]);
  assert.deepEqual(ran('unanchoredRegExp').rec.ops.map((o) => [o.op, o.role, o.recv]), [['RegExp.test', 'arg', '/^http:\\/\\/a\\.test/']]);
  assert.deepEqual(ran('nullAllowed').rec.ops.map((o) => [o.op, o.role, o.recv]), [['Array.includes', 'arg', `["null","${env.server.origins.XB}"]`]]);
  await page.close();
});
