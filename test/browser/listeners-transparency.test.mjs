import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transparencyRig } from '../support/transparency.mjs';
import { suite } from '../support/suite.mjs';

const env = suite(transparencyRig);

test('message listeners behave identically with and without Postscope', async () => {
  const { without, with: withExt } = await env.ctx.run(env.server.url('A', '/listeners-transparency.html'));
  assert.deepEqual(without.errors.filter((e) => !/listener failed|checker failed|Cannot read properties of null/.test(e)), []);
  assert.ok(without.report.builtinsRestored.every(Boolean));
  assert.ok(without.report.log.length >= 10, 'the fixture saw its events');
  assert.ok(without.report.errors.length >= 6, 'the listener exceptions reached window.onerror and the error event');
  assert.deepEqual(withExt.report, without.report);
  assert.deepEqual(withExt.errors, without.errors);
});
