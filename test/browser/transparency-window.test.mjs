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

test('window messaging behaves identically with and without Postscope', async () => {
  const { without, with: withExt } = await rig.run(server.url('A', '/transparency-window.html'));
  assert.deepEqual(without.errors, []);
  assert.deepEqual(withExt.errors, []);
  assert.ok(without.report.events.length >= 6, 'the fixture saw its messages');
  assert.deepEqual(withExt.report, without.report);
});
