import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// The page side of workers and broadcast channels: dedicated and shared workers, a port handed out
// by a worker, BroadcastChannel between two same-origin frames.

const env = suite();

const tagOf = (p) => (p?.t === 'object' ? p.entries.find(([k]) => k === 'tag')?.[1]?.v : undefined);
const of = (es, k) => es.filter((e) => e.rec.k === k).map((e) => e.rec);
const open = async (path) => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', path)));
  return page;
};

test('a dedicated worker: its script, a transferred buffer, its reply carrying a port, and traffic on that port', async () => {
  const page = await open('/ports-worker.html');
  const seen = await page.evaluate(() => window.dedicated());
  assert.deepEqual(seen, { first: { tag: 'from-worker', bytes: 64 }, echo: { tag: 'port-echo', got: { tag: 'over-worker-port' } }, after: 0, isWorker: true, ctor: true });
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-recv').some((r) => tagOf(r.data) === 'port-echo') ? es : null), { what: 'the echo over the worker port' });
  const worker = of(es, 'port-seen').find((s) => s.via === 'worker');
  assert.equal(worker.name, '/ports-worker.js');
  const send = of(es, 'port-send').find((r) => tagOf(r.data) === 'to-worker');
  assert.deepEqual([send.via, send.port, send.name, send.outcome], ['worker', worker.port, '/ports-worker.js', 'sent']);
  assert.deepEqual(send.transfer.map(({ kind, bytes, after }) => [kind, bytes, after]), [['arraybuffer', 64, 'neutered']]);
  const reply = of(es, 'port-recv').find((r) => tagOf(r.data) === 'from-worker');
  assert.deepEqual([reply.via, reply.port, reply.ports.length], ['worker', worker.port, 1]);
  const handed = of(es, 'port-seen').find((s) => s.port === reply.ports[0]);
  assert.deepEqual([handed.via, handed.msg], ['received', reply.msg]);
  assert.equal(of(es, 'port-send').find((r) => tagOf(r.data) === 'over-worker-port').port, handed.port);
  await page.close();
});

test('a shared worker port: created with the worker, its traffic recorded both ways', async () => {
  const page = await open('/ports-worker.html');
  const seen = await page.evaluate(() => window.shared());
  assert.deepEqual(seen, { echo: { tag: 'shared-echo', got: { tag: 'to-shared' } }, isShared: true });
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-recv').some((r) => tagOf(r.data) === 'shared-echo') ? es : null), { what: 'the shared worker echo' });
  const port = of(es, 'port-seen').find((s) => s.via === 'shared-worker');
  assert.equal(port.name, '/ports-shared-worker.js');
  assert.equal(of(es, 'port-send').find((r) => tagOf(r.data) === 'to-shared').port, port.port);
  assert.equal(of(es, 'port-recv').find((r) => tagOf(r.data) === 'shared-echo').port, port.port);
  assert.ok(of(es, 'port-state').some((s) => s.port === port.port && s.state === 'started' && s.how === 'onmessage'));
  await page.close();
});

test('a service worker: the page\'s post to its controller and the reply, both named by the script URL', async () => {
  const page = await open('/ports-sw.html');
  assert.deepEqual(await page.evaluate(() => window.exchange()), { tag: 'from-sw', got: { tag: 'to-sw' } });
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-recv').some((r) => tagOf(r.data) === 'from-sw') ? es : null), { what: 'the service worker reply' });
  const script = env.server.url('A', '/ports-sw.js');
  const send = of(es, 'port-send').find((r) => tagOf(r.data) === 'to-sw');
  assert.deepEqual([send.via, send.name, send.outcome], ['service-worker', script, 'sent']);
  const reply = of(es, 'port-recv').find((r) => tagOf(r.data) === 'from-sw');
  assert.deepEqual([reply.via, reply.name], ['service-worker', script]);
  await page.close();
});

test('BroadcastChannel: the post with its channel name, and posting after close throws InvalidStateError as recorded', async () => {
  const page = await open('/ports-broadcast.html');
  const seen = await page.evaluate(() => window.broadcast());
  assert.deepEqual(seen, { heard: ['1', '2'], closedError: { name: 'InvalidStateError' }, isBC: true });
  const es = await waitForEntries(env.ctx, page, (es) => (of(es, 'port-send').filter((r) => r.via === 'broadcast').length >= 2 ? es : null), { what: 'broadcast sends' });
  const [sent, late] = of(es, 'port-send').filter((r) => r.via === 'broadcast');
  assert.deepEqual([sent.name, sent.outcome, tagOf(sent.data)], ['ps-room', 'sent', 'to-room']);
  assert.deepEqual([late.outcome, late.error.name], ['threw', 'InvalidStateError']);
  const channels = of(es, 'port-seen').filter((s) => s.via === 'broadcast');
  assert.equal(channels.length, 3, 'one BroadcastChannel per frame, each named');
  assert.ok(channels.every((c) => c.name === 'ps-room'));
  assert.ok(of(es, 'port-state').some((s) => s.port === sent.port && s.state === 'closed'));
  await page.close();
});

// Our message listener goes on a BroadcastChannel only when the page listens (Blink keeps a
// channel with message listeners alive); the listener capture's bus tells us when.
test('BroadcastChannel: each receiving frame records the message', async () => {
  const page = await open('/ports-broadcast.html');
  await page.evaluate(() => window.broadcast());
  const es = await waitForEntries(env.ctx, page, (es) => (es.filter((e) => e.rec.k === 'port-recv' && e.rec.via === 'broadcast').length >= 2 ? es : null), { what: 'two broadcast receives' });
  const recvs = es.filter((e) => e.rec.k === 'port-recv' && e.rec.via === 'broadcast');
  assert.equal(new Set(recvs.map((e) => e.frameId)).size, 2);
  assert.ok(recvs.every((e) => e.rec.name === 'ps-room' && tagOf(e.rec.data) === 'to-room'));
  await page.close();
});
