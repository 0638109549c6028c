import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transparencyRig } from '../support/transparency.mjs';
import { suite } from '../support/suite.mjs';

const env = suite(transparencyRig);

test('window messaging behaves identically with and without Postscope', async () => {
  const { without, with: withExt } = await env.ctx.run(env.server.url('A', '/transparency-window.html'));
  assert.deepEqual(without.errors, []);
  assert.deepEqual(withExt.errors, []);
  assert.ok(without.report.events.length >= 6, 'the fixture saw its messages');
  assert.deepEqual(withExt.report, without.report);
});
