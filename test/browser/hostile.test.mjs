import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries, stats } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

const env = suite();

test('a page that sabotages globals and forges handshakes neither breaks recording nor sees Postscope touch its traps', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/hostile.html')));
  const cdp = await page.createCDPSession();
  await cdp.send('Runtime.evaluate', { expression: 'window.runAll()' });
  let title = '';
  for (const deadline = Date.now() + 10000; !title.startsWith('done:') && Date.now() < deadline;) {
    title = (await cdp.send('Runtime.evaluate', { expression: 'document.title', returnByValue: true })).result.value;
  }
  assert.equal(title, 'done:', 'all five messages arrived, and Postscope never called a sabotaged global nor answered a forged handshake');
  const recv = await waitForEntries(env.ctx, page, (es) => {
    const r = es.filter((e) => e.rec.k === 'win-recv');
    return r.length >= 5 ? r : null;
  }, { what: 'five receives after sabotage' });
  assert.equal(recv.length, 5);
  assert.equal(recv[0].rec.data.entries[1][1].v, '<script>alert(1)</script>');
  await page.close();
});

test('a flood of 20,000 messages is bounded: history keeps about the newest 10,000 records, in order', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/steady-sender.html')));
  const N = 20_000;
  await page.evaluate((n) => new Promise((done) => {
    let got = 0;
    addEventListener('message', () => { if (++got === n) done(); });
    for (let i = 0; i < n; i++) window.postMessage(i, '*');
  }), N);
  // Each message makes at least one record (its receive; the page's listener adds its run): wait on
  // the counters, which are cheap to read, then read the records once.
  const deadline = Date.now() + 60000;
  for (let st = await stats(env.ctx, page); st.stored + st.evicted < N; st = await stats(env.ctx, page)) {
    assert.ok(Date.now() < deadline, `flood not stored in time: ${JSON.stringify(st)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const es = await waitForEntries(env.ctx, page, (es) => {
    const last = es.filter((e) => e.rec.k === 'win-recv').at(-1);
    return last && last.rec.data.v === String(N - 1) ? es : null;
  }, { what: 'the last message of the flood', timeout: 60000 });
  assert.ok(es.length <= 10_000 + 500, `history bounded (${es.length})`);
  const nums = es.filter((e) => e.rec.k === 'win-recv').map((e) => Number(e.rec.data.v));
  assert.deepEqual(nums, [...nums].sort((a, b) => a - b), 'oldest evicted first, order kept');
  await page.close();
});
