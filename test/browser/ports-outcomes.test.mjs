import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// Every per-message outcome the hook decides in the page: delivered, queued until start(), started
// implicitly by onmessage, lost on a closed or neutered port or after the twin closed, doomed, each
// DataCloneError with the exception exactly as the page got it, and transferred buffers neutered.

let page;
const env = suite({}, async ({ ctx, server }) => {
  page = await ctx.browser.newPage();
  await page.goto(unique(server.url('A', '/ports-cases.html')));
});

const run = (name) => page.evaluate((n) => window.cases[n](), name);
const tagOf = (p) => (p?.t === 'object' ? p.entries.find(([k]) => k === 'tag')?.[1]?.v : p?.t === 'string' ? p.v : undefined);
const recs = (es, k) => es.filter((e) => e.rec.k === k).map((e) => e.rec);
const sendTagged = (es, tag) => recs(es, 'port-send').find((r) => tagOf(r.data) === tag);
const waitFor = (what, pick) => waitForEntries(env.ctx, page, pick, { what });

test('a message on a started port is sent and received on the twin, after the channel record', async () => {
  assert.deepEqual(await run('delivered'), { tag: 'delivered', n: 1 });
  const { send, recv, channel, started } = await waitFor('delivered send and receive', (es) => {
    const send = sendTagged(es, 'delivered');
    const recv = recs(es, 'port-recv').find((r) => tagOf(r.data) === 'delivered');
    const channel = send && recs(es, 'channel').find((c) => c.port1 === send.port);
    const started = channel && recs(es, 'port-state').find((s) => s.port === channel.port2 && s.state === 'started');
    return send && recv && channel && started ? { send, recv, channel, started } : null;
  });
  assert.equal(send.outcome, 'sent');
  assert.equal(send.call, null, 'no stack is taken for an ordinary send');
  assert.equal(recv.port, channel.port2);
  assert.equal(started.how, 'start');
  assert.ok(channel.call && channel.call.fn === 'delivered', 'the channel records where the page first used it');
});

test('setting onmessage starts the port implicitly', async () => {
  assert.deepEqual(await run('implicitStart'), { tag: 'implicit' });
  const { channel, started } = await waitFor('implicit start', (es) => {
    const send = sendTagged(es, 'implicit');
    const channel = send && recs(es, 'channel').find((c) => c.port1 === send.port);
    const started = channel && recs(es, 'port-state').find((s) => s.port === channel.port2 && s.state === 'started');
    return started ? { channel, started } : null;
  });
  assert.equal(started.how, 'onmessage');
  assert.ok(channel);
});

// Without traffic only the listener capture's bus can tell that onmessage was set.
test('setting onmessage is recorded as a start before any message arrives', async () => {
  const port = await page.evaluate(() => {
    const ch = new MessageChannel();
    ch.port2.onmessage = () => {};
    window.keep = ch;
    return true;
  });
  assert.ok(port);
  await waitForEntries(env.ctx, page, (es) => recs(es, 'port-state').find((s) => s.how === 'onmessage' && !recs(es, 'port-recv').some((r) => r.port === s.port)), { what: 'a start without traffic' });
});

test('a message to a port that was never started is received only after start()', async () => {
  await run('queued');
  const send = await waitFor('queued send', (es) => sendTagged(es, 'queued'));
  const early = await waitFor('records after the queued send', (es) => es);
  assert.equal(recs(early, 'port-recv').some((r) => tagOf(r.data) === 'queued'), false, 'nothing received before start');
  assert.deepEqual(await run('startQueued'), { tag: 'queued' });
  const { recv, started } = await waitFor('the queued message delivered after start', (es) => {
    const recv = recs(es, 'port-recv').find((r) => tagOf(r.data) === 'queued');
    const started = recs(es, 'port-state').find((s) => s.port === recv?.port && s.state === 'started');
    return recv && started ? { recv, started } : null;
  });
  assert.ok(started.seq < recv.seq, 'started before the delivery');
  assert.ok(send.seq < started.seq);
});

test('messages on a closed port, on the twin of a closed port and on a neutered port are lost, with a call site', async () => {
  await run('lostClosed');
  await run('lostNeutered');
  const es = await waitFor('lost sends', (es) => (recs(es, 'port-send').filter((r) => r.outcome.startsWith('lost')).length >= 3 ? es : null));
  const lost = recs(es, 'port-send').filter((r) => r.outcome.startsWith('lost'));
  assert.deepEqual(lost.map((r) => r.outcome), ['lost-closed', 'lost-unentangled', 'lost-neutered']);
  for (const r of lost) assert.equal(r.call?.fn, r.outcome === 'lost-neutered' ? 'lostNeutered' : 'lostClosed');
  const carry = sendTagged(es, 'carry');
  assert.deepEqual(carry.transfer.map((t) => [t.kind, t.after]), [['port', 'neutered']]);
  assert.equal(carry.transfer[0].id, lost[2].port, 'the neutered port is the one that was transferred');
  assert.ok(recs(es, 'port-state').some((s) => s.state === 'closed' && s.port === lost[0].port));
});

test('transferring the twin through its own channel dooms it; later sends are lost', async () => {
  await run('doomed');
  const es = await waitFor('doomed send', (es) => (sendTagged(es, 'doomed') && sendTagged(es, 'after-doomed') ? es : null));
  const doomed = sendTagged(es, 'doomed');
  const channel = recs(es, 'channel').find((c) => c.port1 === doomed.port);
  assert.equal(doomed.outcome, 'doomed');
  assert.equal(doomed.transfer[0].id, channel.port2);
  assert.equal(sendTagged(es, 'after-doomed').outcome, 'lost-unentangled');
});

test('DataCloneErrors reach the page unchanged and are recorded as thrown', async () => {
  const seen = await run('errors');
  for (const k of ['source', 'duplicate', 'uncloneable']) assert.equal(seen[k].name, 'DataCloneError', k);
  const es = await waitFor('four failed sends', (es) => (recs(es, 'port-send').filter((r) => r.outcome === 'threw').length >= 4 ? es : null));
  const threw = recs(es, 'port-send').filter((r) => r.outcome === 'threw');
  assert.deepEqual(threw.map((r) => r.error.message), [seen.source.message, seen.duplicate.message, seen.uncloneable.message, seen.detached.message]);
  assert.equal(threw[2].data, null, 'a value that failed to clone is not previewed');
  const detach = sendTagged(es, 'detach');
  assert.equal(detach.transfer[0].after, 'neutered');
  assert.equal(threw[3].transfer[0].id, detach.transfer[0].id, 'the same buffer, transferred again after it was detached');
  assert.equal(threw[3].transfer[0].bytes, 0);
});

test('a transferred ArrayBuffer keeps its size before the call and is shown neutered after', async () => {
  assert.deepEqual(await run('buffers'), { before: 1024, after: 0, received: 1024 });
  const es = await waitFor('buffer send and receive', (es) => (sendTagged(es, 'buffers') && recs(es, 'port-recv').find((r) => tagOf(r.data) === 'buffers') ? es : null));
  const send = sendTagged(es, 'buffers');
  assert.deepEqual(send.transfer.map(({ kind, bytes, after }) => ({ kind, bytes, after })), [{ kind: 'arraybuffer', bytes: 1024, after: 'neutered' }]);
  const recv = recs(es, 'port-recv').find((r) => tagOf(r.data) === 'buffers');
  assert.deepEqual(recv.data.entries[1][1], { t: 'arraybuffer', bytes: 1024, detached: false, shared: false });
});
