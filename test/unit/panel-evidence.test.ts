import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../extension/protocol';
import { createMessageResolver } from '../../panel/model/evidence-message';
import { messageAsCode, previewToJs } from '../../panel/model/copy-as-code';
import { frames, obj, str, winRecv } from './panel-fixtures';

const run = (key: string, seq: number, t: number): Entry => ({
  frameId: 0, doc: null, key,
  rec: { seq, t, k: 'listener-run', listener: 'l1', type: 'message', origin: 'http://a.test', reads: ['origin'], ops: [], opsDropped: 0, threw: false },
});

test('audit evidence resolves to a timeline row: messages to themselves, listener runs to the message they handled', () => {
  const entries = [winRecv('A', 1, 1), winRecv('B', 1, 2), run('A', 2, 3), winRecv('A', 3, 4), run('A', 4, 5)];
  const resolve = createMessageResolver(entries);
  assert.equal(resolve('B#1'), 'B#1');
  assert.equal(resolve('A#2'), 'A#1', 'the run in document A follows A\'s delivery, not B\'s');
  assert.equal(resolve('A#4'), 'A#3');
  assert.equal(resolve('Z#1'), null);
});

test('copy as code never lets page text become code', () => {
  const hostile = obj([['a"); alert(1); ("', str('*/ alert(2) /*\u2028')], ['n', { t: 'number', v: 'alert(3)' }], ['ok', { t: 'number', v: '-1.5e3' }]]);
  const js = previewToJs(hostile);
  const evaluated = new Function(`return (${js});`)() as Record<string, unknown>;
  assert.deepEqual(Object.keys(evaluated), ['a"); alert(1); ("', 'n', 'ok']);
  assert.equal(evaluated['a"); alert(1); ("'], '*/ alert(2) /*\u2028');
  assert.equal(evaluated.n, undefined, 'a forged number is not emitted');
  assert.equal(evaluated.ok, -1500);
  const snippet = messageAsCode(winRecv('A', 1, 1, hostile), frames);
  assert.match(snippet, /top\.postMessage\(data, "http:\/\/a\.test"\);/);
  assert.doesNotThrow(() => new Function(snippet.replace(/top\.postMessage/, 'void')));
});
