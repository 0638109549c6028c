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

test('channel messaging behaves identically with and without Postscope', async () => {
  const { without, with: withExt } = await rig.run(server.url('A', '/ports-transparency.html'));
  assert.deepEqual(without.errors, []);
  assert.deepEqual(withExt.errors, []);
  const r = without.report;
  assert.ok(r.order.filter((x) => x.startsWith('onmessage')).length === 2, 'the fixture saw its port messages');
  assert.equal(r.exceptions.sourcePort.name, 'DataCloneError', 'the fixture provoked its exceptions');
  for (const key of Object.keys(r)) assert.deepEqual(withExt.report[key], r[key], key);
});
