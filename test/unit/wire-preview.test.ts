import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBatch, decodePreview } from '../../extension/protocol/wire-preview';
import { LIMITS } from '../../extension/protocol/limits';

// The hook's own encoder runs in the page and is checked end to end by the browser preview tests;
// here the background's decoder is checked on every form, and on what a hostile renderer could send.

test('every wire form decodes to the Preview it stands for', () => {
  const cases: [unknown, unknown][] = [
    [0, { t: 'number', v: '0' }],
    [1.5e300, { t: 'number', v: '1.5e+300' }],
    [['n', '-0'], { t: 'number', v: '-0' }],
    ['tick', { t: 'string', v: 'tick', len: 4 }],
    [['s', 'ab', 9000], { t: 'string', v: 'ab', len: 9000 }],
    [true, { t: 'boolean', v: true }],
    [['u'], { t: 'undefined' }],
    [['N'], { t: 'null' }],
    [['i', '12'], { t: 'bigint', v: '12' }],
    [['d', '2020-01-01T00:00:00.000Z'], { t: 'date', v: '2020-01-01T00:00:00.000Z' }],
    [['r', '/a/g'], { t: 'regexp', v: '/a/g' }],
    [['b', 8, true, false], { t: 'arraybuffer', bytes: 8, detached: true, shared: false }],
    [['t', 'Uint8Array', 2, 2, '1', '2'], { t: 'typedarray', cls: 'Uint8Array', len: 2, bytes: 2, items: ['1', '2'] }],
    [['B', 3, 'text/plain', null, null], { t: 'blob', size: 3, type: 'text/plain', name: null, lastModified: null }],
    [['e', 'TypeError', 'x'], { t: 'error', name: 'TypeError', message: 'x' }],
    [['p', null], { t: 'port', id: null }],
    [['P', 'ImageBitmap'], { t: 'platform', cls: 'ImageBitmap' }],
    [['g'], { t: 'accessor' }],
    [['f', 'go'], { t: 'function', name: 'go' }],
    [['y', 'Symbol(a)'], { t: 'symbol', v: 'Symbol(a)' }],
    [['R'], { t: 'ref' }],
    [['c'], { t: 'cut' }],
    [['a', 5, 3, 1, 'x'], { t: 'array', len: 5, more: 3, items: [{ t: 'number', v: '1' }, { t: 'string', v: 'x', len: 1 }] }],
    [['S', 1, 0, ['N']], { t: 'set', size: 1, more: 0, items: [{ t: 'null' }] }],
    [['m', 1, 0, 'k', 2], { t: 'map', size: 1, more: 0, entries: [[{ t: 'string', v: 'k', len: 1 }, { t: 'number', v: '2' }]] }],
    [['o', 'Object', 0, 'i', 0, 'kind', 'tick'], { t: 'object', cls: 'Object', more: 0, entries: [['i', { t: 'number', v: '0' }], ['kind', { t: 'string', v: 'tick', len: 4 }]] }],
  ];
  for (const [wire, expected] of cases) assert.deepEqual(decodePreview(wire), expected, JSON.stringify(wire));
});

test('shapes the hook never builds are refused, not guessed', () => {
  for (const bad of [null, {}, [], ['?'], ['u', 1], ['n', 1], ['o', 'Object', 0, 1, 2], ['o', 'Object', 0, 'k'], ['m', 1, 0, 'k'], ['a', 'x', 0], ['t', 'X', 1, 1, 2], ['p', 3], ['b', 1, 'no', false]]) {
    assert.equal(decodePreview(bad), null, JSON.stringify(bad));
  }
});

test('a renderer cannot make the background decode deeper, wider or bigger than a real preview', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 5000; i++) deep = ['a', 1, 0, deep];
  assert.equal(decodePreview(deep), null, 'depth');
  assert.equal(decodePreview(['a', 99, 0, ...Array(LIMITS.previewEntries + 1).fill(1)]), null, 'width');
  const wide = ['a', 50, 0, ...Array(50).fill(['a', 50, 0, ...Array(50).fill(1)])];
  assert.equal(decodePreview(wide), null, 'more nodes than the hook keeps');
});

test('a batch has each record data decoded in place; a bad one becomes undefined for the schema to refuse', () => {
  const batch = { records: [{ k: 'port-send', data: ['a', 1, 0, 7] }, { k: 'port-send', data: null }, { k: 'win-recv', data: { t: 'number', v: '1' } }, { k: 'frame' }] };
  decodeBatch(batch);
  assert.deepEqual(batch.records[0].data, { t: 'array', len: 1, more: 0, items: [{ t: 'number', v: '7' }] });
  assert.equal(batch.records[1].data, null, 'not previewed stays null');
  assert.equal(batch.records[2].data, undefined, 'the object form is not accepted from a hook');
  assert.equal('data' in batch.records[3], false);
});
