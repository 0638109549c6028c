import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// A channel relayed top (origin A) -> child (B) -> grandchild (C) through window messages, then used
// Comlink-style (a new channel per call, its port sent over the relayed one), and a message that
// cannot be deserialized in the grandchild's agent cluster (messageerror).

let page;
const env = suite({}, async ({ ctx, server }) => {
  page = await ctx.browser.newPage();
  await page.goto(unique(server.url('A', '/ports-relay-top.html')));
});

const tagOf = (p) => (p?.t === 'object' ? p.entries.find(([k]) => k === 'tag' || k === 'relay')?.[1]?.v : undefined);
const of = (es, k, frameId) => es.filter((e) => e.rec.k === k && (frameId === undefined || e.frameId === frameId)).map((e) => e.rec);

test('ports relayed across three origins are recorded in every frame they pass, and Comlink-style calls link up', async () => {
  const results = await page.evaluate(() => window.run(3));
  assert.deepEqual(results.map((r) => r.i), [0, 1, 2]);
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-recv').filter((r) => tagOf(r.data) === 'result').length === 3 && of(es, 'port-send').filter((r) => tagOf(r.data) === 'result').length === 3 ? es : null), { what: 'three results sent and received' });
  const frameOfOrigin = (origin) => es.find((e) => e.rec.k === 'frame' && e.rec.origin === origin)?.frameId;
  const [top, child, grand] = ['A', 'B', 'C'].map((n) => frameOfOrigin(env.server.origins[n]));
  assert.equal(top, 0);
  assert.ok(child > 0 && grand > 0 && child !== grand);

  // Top made the channel and kept port1; port2 went to the child, which passed it on.
  const [channel] = of(es, 'channel', top);
  const inChild = of(es, 'win-recv', child).find((r) => tagOf(r.data) === 'port');
  const inGrand = of(es, 'win-recv', grand).find((r) => tagOf(r.data) === 'port');
  assert.equal(inChild.ports.length, 1);
  assert.equal(inGrand.ports.length, 1);
  assert.ok(of(es, 'port-seen', child).some((s) => s.port === inChild.ports[0] && s.via === 'received'));
  const relayed = inGrand.ports[0];

  // The grandchild greets over the relayed port; top receives it on port1.
  const hello = of(es, 'port-send', grand).find((r) => tagOf(r.data) === 'hello-from-grandchild');
  assert.equal(hello.port, relayed);
  assert.equal(hello.outcome, 'sent');
  assert.equal(of(es, 'port-recv', top).find((r) => tagOf(r.data) === 'hello-from-grandchild').port, channel.port1);

  // Each call carries a new port (observed: the transfer list in top, event.ports in the grandchild).
  const calls = of(es, 'port-send', top).filter((r) => tagOf(r.data) === 'call');
  const arrived = of(es, 'port-recv', grand).filter((r) => tagOf(r.data) === 'call');
  assert.equal(calls.length, 3);
  assert.equal(arrived.length, 3);
  const callChannels = of(es, 'channel', top).slice(1, 4);
  calls.forEach((c, i) => {
    assert.equal(c.port, channel.port1);
    assert.deepEqual(c.transfer.map((t) => [t.kind, t.id, t.after]), [['port', callChannels[i].port2, 'neutered']]);
    assert.equal(arrived[i].port, relayed);
    assert.equal(arrived[i].ports.length, 1);
    const seen = of(es, 'port-seen', grand).find((s) => s.port === arrived[i].ports[0]);
    assert.equal(seen.msg, arrived[i].msg, 'the received port names the message that carried it');
    const result = of(es, 'port-send', grand).find((r) => r.port === arrived[i].ports[0]);
    assert.equal(result.outcome, 'sent');
    const back = of(es, 'port-recv', top).find((r) => r.port === callChannels[i].port1);
    assert.equal(back.data.entries[1][1].v, String(i));
    assert.ok(of(es, 'port-state', top).some((s) => s.port === callChannels[i].port1 && s.state === 'closed'));
  });
});

test('a message that cannot be deserialized in another origin arrives as messageerror', async () => {
  assert.equal(await page.evaluate(() => window.sendModule()), 'messageerror-seen');
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-recv').some((r) => r.type === 'messageerror') ? es : null), { what: 'messageerror' });
  const error = of(es, 'port-recv').find((r) => r.type === 'messageerror');
  const send = of(es, 'port-send').find((r) => r.data?.t === 'platform' && r.data.cls === 'WebAssembly.Module');
  assert.equal(send.outcome, 'sent');
  assert.notEqual(es.find((e) => e.rec === error)?.frameId, 0);
  assert.deepEqual(error.data, { t: 'undefined' });
});
