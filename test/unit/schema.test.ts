import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arr, int, lit, nullable, obj, optional, str, tagged, validate } from '../../extension/protocol/schema';

const point = obj({ x: int(), label: nullable(str(5)) });
const shape = tagged('kind', { a: obj({ kind: lit('a'), n: int() }), b: obj({ kind: lit('b'), items: arr(str(3), 2) }) });

test('obj accepts exactly its keys', () => {
  assert.ok(validate(point, { x: 1, label: null }).ok);
  assert.deepEqual(validate(point, { x: 1, label: null, extra: 1 }), { ok: false, error: '$.extra: unexpected key' });
  assert.equal(validate(point, { x: 1 }).ok, false, 'a missing nullable key is still missing');
});

test('bounds on strings, arrays and integers are enforced with a path to the first problem', () => {
  assert.deepEqual(validate(point, { x: 1, label: 'toolong' }), { ok: false, error: '$.label: expected string <= 5 chars' });
  assert.deepEqual(validate(point, { x: -1, label: null }), { ok: false, error: `$.x: expected integer in [0, ${Number.MAX_SAFE_INTEGER}]` });
  assert.equal(validate(shape, { kind: 'b', items: ['a', 'b', 'c'] }).ok, false);
  assert.deepEqual(validate(shape, { kind: 'b', items: ['abcd'] }), { ok: false, error: '$.items[0]: expected string <= 3 chars' });
});

test('tagged unions pick the variant by tag and reject unknown tags', () => {
  assert.ok(validate(shape, { kind: 'a', n: 3 }).ok);
  assert.equal(validate(shape, { kind: 'c' }).ok, false);
  assert.equal(validate(shape, { kind: '__proto__' }).ok, false);
  assert.equal(validate(shape, null).ok, false);
});

test('test() and check() always agree: the fast path accepts exactly what the checked path accepts', () => {
  const nested = obj({ a: nullable(arr(shape, 2)), b: optional(int(1, 3)) });
  const values: unknown[] = [
    null, undefined, 0, 'x', [], {}, { a: null }, { a: null, b: 2 }, { a: null, b: 4 }, { a: null, c: 1 }, { b: 2 },
    { a: [{ kind: 'a', n: 1 }] }, { a: [{ kind: 'b', items: ['abcd'] }] }, { a: [{ kind: 'c' }] }, { a: [1, 2, 3] },
    Object.assign(Object.create({ inherited: 1 }), { a: null }),
  ];
  for (const s of [nested, point, shape]) {
    for (const v of values) assert.equal(s.test(v), s.check(v, '$') === null, JSON.stringify(v));
  }
});
