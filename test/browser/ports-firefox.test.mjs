import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique } from '../support/browser.mjs';
import { launchFirefox, firefoxPath } from '../support/firefox.mjs';
import { suite } from '../support/suite.mjs';

// The same port capture in Firefox: channel, starts, sends with their outcomes, transfer fates and
// receives (exception messages are Firefox's own; the hook records them as thrown).

const env = suite(() => (firefoxPath() ? launchFirefox() : null));

const tagOf = (p) => (p?.t === 'object' ? p.entries.find(([k]) => k === 'tag')?.[1]?.v : p?.t === 'string' ? p.v : undefined);

test('Firefox: port outcomes, transfers and receives are recorded', { skip: !firefoxPath() && 'firefox-esr is not installed' }, async () => {
  const page = await env.ctx.browser.newPage();
  const url = unique(env.server.url('A', '/ports-cases.html'));
  await page.goto(url);
  for (const name of ['delivered', 'implicitStart', 'lostClosed', 'doomed', 'buffers']) await page.evaluate((n) => window.cases[n](), name);
  const errors = await page.evaluate(() => window.cases.errors());
  let es = [];
  const deadline = Date.now() + 15000;
  const sends = () => es.filter((e) => e.rec.k === 'port-send').map((e) => e.rec);
  while (Date.now() < deadline) {
    es = await env.ctx.entries(url);
    if (sends().filter((r) => r.outcome === 'threw').length >= 4 && es.some((e) => e.rec.k === 'port-recv' && tagOf(e.rec.data) === 'buffers')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const outcome = (tag) => sends().find((r) => tagOf(r.data) === tag)?.outcome;
  assert.equal(outcome('delivered'), 'sent');
  assert.equal(outcome('doomed'), 'doomed');
  assert.equal(outcome('after-doomed'), 'lost-unentangled');
  // The closed-port sends carry objects, which are not previewed when the browser did not clone them.
  assert.deepEqual(sends().filter((r) => r.data === null && r.outcome !== 'threw').map((r) => r.outcome), ['lost-closed', 'lost-unentangled']);
  assert.ok(es.some((e) => e.rec.k === 'port-state' && e.rec.how === 'onmessage'), 'implicit start');
  const threw = sends().filter((r) => r.outcome === 'threw');
  assert.deepEqual(threw.map((r) => r.error.message), [errors.source.message, errors.duplicate.message, errors.uncloneable.message, errors.detached.message]);
  const buffers = sends().find((r) => tagOf(r.data) === 'buffers');
  assert.deepEqual(buffers.transfer.map(({ kind, bytes, after }) => [kind, bytes, after]), [['arraybuffer', 1024, 'neutered']]);
  await page.close();
});
