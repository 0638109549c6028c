import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addEntries, emptyList } from '../../panel/store/entry-list';
import { emptyFilter } from '../../panel/store/filter';
import { createTimelineSelector, type SortOrder } from '../../panel/store/selectors';
import { frames, str, winRecv, winSend } from './panel-fixtures';

const byTime: SortOrder = { column: 'time', descending: false };

test('the timeline selector is memoized on its inputs and filters, sorts and groups', () => {
  const select = createTimelineSelector();
  const list = addEntries(emptyList, [winRecv('A', 1, 1, str('b')), winRecv('A', 2, 2, str('b')), winRecv('A', 3, 3, str('a')), winSend('B', 1, 4, '*')]).list;
  const v1 = select(list, frames, emptyFilter, byTime, false);
  assert.equal(select(list, frames, emptyFilter, byTime, false), v1, 'same inputs, same object');
  assert.deepEqual(v1.rows.map((r) => r.id), ['A#1', 'A#2', 'A#3', 'B#1']);
  const grouped = select(list, frames, emptyFilter, byTime, true);
  assert.deepEqual(grouped.rows.map((r) => r.id), ['A#1', 'A#3', 'B#1']);
  assert.deepEqual(grouped.repeats, [2, 1, 1]);
  const sorted = select(list, frames, emptyFilter, { column: 'preview', descending: false }, false);
  assert.deepEqual(sorted.rows.map((r) => r.preview), ['a', 'b', 'b', 'hello']);
  const filtered = select(list, frames, { ...emptyFilter, text: 'target:*' }, byTime, false);
  assert.deepEqual(filtered.rows.map((r) => r.id), ['B#1']);
  assert.equal(filtered.total, 4);
});

test('a new batch re-describes only the chunk it touched', () => {
  const select = createTimelineSelector();
  const many = Array.from({ length: 5000 }, (_, i) => winRecv('A', i, i));
  const list = addEntries(emptyList, many).list;
  const v1 = select(list, frames, emptyFilter, byTime, false);
  const next = addEntries(list, [winRecv('A', 5000, 5000)]).list;
  const v2 = select(next, frames, emptyFilter, byTime, false);
  assert.equal(v2.rows.length, 5001);
  assert.equal(v2.rows[0], v1.rows[0], 'rows of untouched chunks are the same objects');
});
