import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEntry, type Row } from '../../panel/model/describe';
import { emptyFilter, haystackOf, parseFilter, rowPredicate, type TimelineFilter } from '../../panel/store/filter';
import { frames, obj, portSend, str, winRecv, winSend } from './panel-fixtures';

test('parseFilter reads text, key:value, negation and quoted values', () => {
  assert.deepEqual(parseFilter('hello -from:top origin:"a b"  kind:port'), [
    { key: 'text', value: 'hello', negated: false },
    { key: 'from', value: 'top', negated: true },
    { key: 'origin', value: 'a b', negated: false },
    { key: 'kind', value: 'port', negated: false },
  ]);
  assert.deepEqual(parseFilter('foo:bar target:*'), [
    { key: 'text', value: 'foo:bar', negated: false },
    { key: 'target', value: '*', negated: false },
  ]);
  assert.deepEqual(parseFilter('   '), []);
});

const rows: Row[] = [
  describeEntry(winRecv('A', 1, 1, obj([['type', str('login')]]), 'http://evil.test'), frames)!,
  describeEntry(winSend('B', 1, 2, '*'), frames)!,
  describeEntry(winSend('B', 2, 3, 'http://a.test', 'dropped-mismatch'), frames)!,
  describeEntry(portSend('A', 2, 4, 'p7', 'lost-closed'), frames)!,
];
const pick = (f: Partial<TimelineFilter>) => {
  const test = rowPredicate({ ...emptyFilter, ...f });
  return rows.filter((r) => test(r, haystackOf(r))).map((r) => r.id);
};

test('key:value terms match their column; target:* means the wildcard exactly', () => {
  assert.deepEqual(pick({ text: 'login' }), ['A#1']);
  assert.deepEqual(pick({ text: 'origin:evil' }), ['A#1']);
  assert.deepEqual(pick({ text: 'target:*' }), ['B#1']);
  assert.deepEqual(pick({ text: 'kind:port' }), ['A#2']);
  assert.deepEqual(pick({ text: 'outcome:dropped' }), ['B#2']);
  assert.deepEqual(pick({ text: 'channel:p7' }), ['A#2']);
  assert.deepEqual(pick({ text: 'from:frames[0] -outcome:dropped' }), ['A#1', 'B#1']);
});

test('invert flips the text terms only; chips and scope always apply', () => {
  assert.deepEqual(pick({ text: 'kind:window', invert: true }), ['A#2']);
  assert.deepEqual(pick({ groups: ['lost', 'dropped'] }), ['B#2', 'A#2']);
  assert.deepEqual(pick({ kinds: ['window'], text: 'target:*', invert: true }), ['A#1', 'B#2']);
  assert.deepEqual(pick({ scope: { type: 'channel', id: 'p7' } }), ['A#2']);
});

test('rows say unknown for what was not observed, and never carry page HTML as anything but text', () => {
  const r = describeEntry(winRecv('A', 1, 1, str('<img src=x onerror=alert(1)>')), frames)!;
  assert.equal(r.targetOrigin, 'unknown', 'the receiver cannot know the sender\'s targetOrigin');
  assert.equal(r.preview, '<img src=x onerror=alert(1)>');
  const p = describeEntry(portSend('A', 2, 4, 'p7'), frames)!;
  assert.equal(p.to, 'unknown');
  const long = describeEntry(winRecv('A', 3, 1, str('x'.repeat(600))), frames)!;
  assert.ok(long.preview.length <= 301);
});
