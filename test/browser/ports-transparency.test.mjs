import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transparencyRig } from '../support/transparency.mjs';
import { suite } from '../support/suite.mjs';

const env = suite(transparencyRig);

test('channel messaging behaves identically with and without Postscope', async () => {
  const { without, with: withExt } = await env.ctx.run(env.server.url('A', '/ports-transparency.html'));
  assert.deepEqual(without.errors, []);
  assert.deepEqual(withExt.errors, []);
  const r = without.report;
  assert.ok(r.order.filter((x) => x.startsWith('onmessage')).length === 2, 'the fixture saw its port messages');
  assert.equal(r.exceptions.sourcePort.name, 'DataCloneError', 'the fixture provoked its exceptions');
  for (const key of Object.keys(r)) assert.deepEqual(withExt.report[key], r[key], key);
});
