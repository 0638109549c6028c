import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../support/server.mjs';
import { transparencyRig } from '../support/transparency.mjs';

let server, rig;
before(async () => {
  server = await serve();
  rig = await transparencyRig();
});
after(async () => {
  await rig?.close();
  await server?.close();
});

test('message listeners behave identically with and without Postscope', async () => {
  const { without, with: withExt } = await rig.run(server.url('A', '/listeners-transparency.html'));
  assert.deepEqual(without.errors.filter((e) => !/listener failed|checker failed|Cannot read properties of null/.test(e)), []);
  assert.ok(without.report.builtinsRestored.every(Boolean));
  assert.ok(without.report.log.length >= 10, 'the fixture saw its events');
  assert.ok(without.report.errors.length >= 6, 'the listener exceptions reached window.onerror and the error event');
  assert.deepEqual(withExt.report, without.report);
  assert.deepEqual(withExt.errors, without.errors);
});
