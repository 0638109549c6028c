import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../extension/protocol';
import { addEntries, emptyList } from '../../panel/store/entry-list';
import { createPortEndsSelector } from '../../panel/store/port-ends';
import { frames, portSend, str, winRecv } from './panel-fixtures';

const channel: Entry = { frameId: 0, doc: null, key: 'A', rec: { seq: 1, t: 1, k: 'channel', ch: 'c1', port1: 'p1', port2: 'p2', call: null } };
const recv: Entry = { frameId: 0, doc: null, key: 'A', rec: { seq: 3, t: 3, k: 'port-recv', msg: 'A:3', via: 'port', port: 'p2', name: null, type: 'message', data: str('ping'), ports: [] } };

test('port rows learn their other end from the channel graph, recomputed only when channel records change', () => {
  const select = createPortEndsSelector();
  const list = addEntries(emptyList, [channel, portSend('A', 2, 2, 'p1'), recv]).list;
  const ends = select(list, frames);
  assert.match(ends.get('A#2')?.to ?? '', /p2$/);
  assert.match(ends.get('A#3')?.from ?? '', /p1$/);
  const more = addEntries(list, [winRecv('A', 4, 4)]).list;
  assert.equal(select(more, frames), ends, 'window traffic does not rebuild the join');
});
