import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// Between two ports of one document the receive record reuses the send's preview when the clone
// cannot differ from it. Where it can (a class instance arrives as a plain object, a getter's value
// is copied, a transfer changes what arrives) the receive shows what the receiver got.

const env = suite();

const obj = (cls, ...entries) => ({ t: 'object', cls, more: 0, entries });
const num = (v) => ({ t: 'number', v });
const str = (v) => ({ t: 'string', v, len: v.length });

test('each receive record shows what the receiver got, in order, with a synthetic event in between', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-inbox.html')));
  const seen = await page.evaluate(() => window.run());
  assert.equal(seen.length, 7);
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'port-recv').length >= 7 ? es : null), { what: 'seven receives' });
  const recvs = es.filter((e) => e.rec.k === 'port-recv').map((e) => e.rec.data);
  const sends = es.filter((e) => e.rec.k === 'port-send').map((e) => e.rec.data);
  // The synthetic event is dispatched at once, before any posted message arrives.
  assert.deepEqual(recvs, [
    str('forged'),
    obj('Object', ['n', num('1')], ['list', { t: 'array', len: 3, more: 0, items: [str('a'), { t: 'null' }, num('-0')] }]),
    obj('Object', ['x', num('1')]),
    obj('Object', ['g', num('42')]),
    { t: 'array', len: 1, more: 0, items: [str('got')] },
    obj('Object', ['buf', { t: 'arraybuffer', bytes: 8, detached: false, shared: false }]),
    str('last'),
  ]);
  assert.deepEqual(sends.slice(1, 4), [
    obj('Point', ['x', num('1')]),
    obj('Object', ['g', { t: 'accessor' }]),
    { t: 'array', len: 1, more: 0, items: [{ t: 'accessor' }] },
  ], 'the sends show what was posted, without running its getters');
  await page.close();
});

test('messages waiting on a port that is transferred within the document arrive with their own data', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-inbox.html')));
  assert.deepEqual(await page.evaluate(() => window.moved()), [1, 2, 3]);
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'port-recv').length >= 4 ? es : null), { what: 'four receives' });
  const recvs = es.filter((e) => e.rec.k === 'port-recv').map((e) => e.rec.data);
  assert.deepEqual(recvs, [str('here'), obj('Object', ['m', num('1')]), obj('Object', ['m', num('2')]), obj('Object', ['m', num('3')])]);
  await page.close();
});

test('a flood beyond what the hook keeps waiting still pairs every receive with its own data', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-inbox.html')));
  const n = 2600;
  assert.equal(await page.evaluate((n) => window.flood(n), n), n);
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'port-recv').length >= n ? es : null), { what: `${n} receives`, timeout: 30000 });
  const first = (d) => (d.t === 'array' && d.items[0].t === 'array' ? d.items[0].items[0].v : null);
  // The history keeps 32 MB per tab, so the oldest sends of this flood are gone: each receive is
  // checked against its position instead (message i carries i).
  const got = es.filter((e) => e.rec.k === 'port-recv').map((e) => first(e.rec.data));
  assert.deepEqual(got, Array.from({ length: n }, (_, i) => String(i)));
  await page.close();
});
