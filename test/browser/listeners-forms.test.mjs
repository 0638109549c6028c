import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

const env = suite();

const fixtureLine = (needle) => readFileSync(new URL('../fixtures/listeners-forms.html', import.meta.url), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

test('every listener form on windows, ports, workers and broadcast channels is recorded, with removals and runs', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('XA', '/listeners-forms.html')));
  await page.evaluate(() => window.loaded);
  await page.evaluate(() => window.sendAll());
  await page.waitForFunction(() => ['port:p1', 'broadcast:b1', 'plain:pong', 'once', 'object:true', 'worker:w1', 'wrapped:pong', 'body:true'].every((x) => window.log.includes(x)), { timeout: 10000 });
  await page.evaluate(() => window.finish());
  const es = await waitForEntries(env.ctx, page, (es) => {
    const removes = es.filter((e) => e.rec.k === 'listener-remove').map((e) => e.rec.why);
    return ['removeEventListener', 'once', 'signal', 'replaced', 'cleared'].every((w) => removes.includes(w)) && es.some((e) => e.rec.k === 'listener-run' && e.frameId !== 0) ? es : null;
  }, { what: 'listener removals of every kind and a run in the child' });

  const adds = es.filter((e) => e.rec.k === 'listener-add').map((e) => e.rec);
  const add = (name) => {
    const found = adds.filter((r) => r.name === name);
    assert.equal(found.length, 1, `exactly one registration of ${name} (duplicates are deduped like the browser does)`);
    return found[0];
  };
  assert.deepEqual(pick(add('plain'), 'how', 'targetKind', 'capture', 'once', 'signal', 'handleEvent', 'target'), { how: 'addEventListener', targetKind: 'window', capture: false, once: false, signal: false, handleEvent: false, target: 'window' });
  assert.equal(add('captured').capture, true);
  assert.deepEqual(pick(add('onceFn'), 'once', 'passive'), { once: true, passive: true });
  assert.equal(add('signalled').signal, true);
  assert.equal(add('handleEvent').handleEvent, true);
  assert.match(add('handleEvent').source, /^handleEvent\(e\)/);
  assert.equal(add('onHandler').how, 'onmessage');
  assert.deepEqual(pick(add('bodyHandler'), 'how', 'target'), { how: 'onmessage', target: 'window' }, 'body.onmessage sets the window handler');
  assert.equal(add('errorListener').type, 'messageerror');
  assert.deepEqual(pick(add('portHandler'), 'how', 'targetKind'), { how: 'onmessage', targetKind: 'port' });
  assert.equal(add('broadcastListener').targetKind, 'broadcast');
  assert.deepEqual(pick(add('workerHandler'), 'how', 'targetKind'), { how: 'onmessage', targetKind: 'worker' });
  assert.deepEqual(pick(add('realHandler'), 'unwrapped'), { unwrapped: 'sentry' }, 'the real handler behind a Sentry-style wrapper');
  assert.match(add('realHandler').source, /^function realHandler\(e\)/);

  const plain = add('plain');
  assert.match(plain.call.url, /listeners-forms\.html/);
  assert.equal(plain.call.line, fixtureLine("addEventListener('message', plain);"));
  assert.match(plain.source, /^function plain\(e\) \{\n\s+if \(e\.origin !== 'http:\/\/b\.test:\d+'\) return;/);

  const long = add('anonymous');
  assert.equal(long.source.length, 8192);
  assert.ok(long.sourceLength > 10000, 'the full length of a cut source is kept');
  assert.equal(add('plain').sourceLength, undefined);

  const child = adds.find((r) => r.name === 'childListener');
  assert.ok(child, 'the cross-site child frame records its own listener');

  const removes = Object.fromEntries(es.filter((e) => e.rec.k === 'listener-remove').map((e) => [adds.find((a) => a.listener === e.rec.listener).name, e.rec.why]));
  assert.deepEqual(removes, { removed: 'removeEventListener', onceFn: 'once', signalled: 'signal', onHandler: 'replaced', bodyHandler: 'cleared' });

  const runs = es.filter((e) => e.rec.k === 'listener-run').map((e) => e.rec);
  const runOf = (name) => runs.filter((r) => r.listener === add(name).listener);
  assert.equal(runOf('removed').length, 0);
  const once = runOf('onceFn');
  assert.equal(once.length, 1);
  assert.deepEqual(once[0].ops.map((o) => [o.op, o.on, o.role, o.args[0], o.result]), [['String.indexOf', 'origin', 'this', '"b.test"', '7']]);
  const object = runOf('handleEvent')[0];
  assert.deepEqual(object.ops.map((o) => [o.op, o.role, o.recv]), [['RegExp.test', 'arg', '/^http:\\/\\/b\\.test:\\d+$/']]);
  assert.deepEqual(runOf('plain')[0].reads, ['origin', 'data']);
  assert.deepEqual(runOf('captured')[0].reads, [], 'a listener that never touches the event');
  assert.equal(runOf('portHandler')[0].origin, '');
  await page.close();
});

const pick = (o, ...keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
