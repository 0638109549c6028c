import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION, type BackgroundToPanel, type Entry } from '../../extension/protocol';
import { addEntries, CHUNK, emptyList, keepNewest, toArray } from '../../panel/store/entry-list';
import { initialState, reduce, type PanelState } from '../../panel/store/reducer';
import { frames, winRecv } from './panel-fixtures';

const v = PROTOCOL_VERSION;
const entries = (list: Entry[]): BackgroundToPanel => ({ v, type: 'entries', tabId: 1, entries: list });
const receive = (s: PanelState, ...msgs: BackgroundToPanel[]) => reduce(s, { type: 'receive', msgs, at: 1e12 });
const seqs = (s: PanelState) => toArray(s.list).map((e) => `${e.key}${e.rec.seq}`);

test('entries are kept in time order and deduplicated by (key, seq), including on history replay', () => {
  let s = receive(initialState(), entries([winRecv('A', 1, 10), winRecv('A', 2, 30)]));
  s = receive(s, entries([winRecv('B', 1, 20), winRecv('A', 2, 30)]));
  assert.deepEqual(seqs(s), ['A1', 'B1', 'A2']);
  const replay: BackgroundToPanel = { v, type: 'history', tabId: 1, entries: [winRecv('A', 1, 10), winRecv('B', 1, 20), winRecv('A', 2, 30), winRecv('A', 3, 40)], frames, stats: { malformed: 0, evicted: 0, stored: 4 } };
  s = receive(s, replay);
  assert.deepEqual(seqs(s), ['A1', 'B1', 'A2', 'A3']);
  assert.equal(s.list.size, 4);
});

test('the reducer is pure: earlier states are unchanged and a batch of duplicates returns the same list', () => {
  const s1 = receive(initialState(), entries([winRecv('A', 1, 10), winRecv('A', 2, 30)]));
  const before = seqs(s1);
  const s2 = receive(s1, entries([winRecv('B', 1, 20)]));
  assert.deepEqual(seqs(s1), before);
  assert.deepEqual(seqs(s2), ['A1', 'B1', 'A2']);
  const s3 = receive(s2, entries([winRecv('B', 1, 20)]));
  assert.equal(s3.list, s2.list);
});

test('100,000 records in batches of 500 with late arrivals stay sorted and take linear-ish time', () => {
  let s = initialState();
  let sharedChunks = 0;
  const started = performance.now();
  for (let b = 0; b < 200; b++) {
    const before = s.list.chunks;
    const batch: Entry[] = [];
    for (let i = 0; i < 500; i++) {
      const n = b * 500 + i;
      // Every 50th record is late by up to 2,000 positions, as when two frames flush at different times.
      const t = n % 50 === 0 && n > 2000 ? n - 1500.5 : n;
      batch.push(winRecv(n % 3 === 0 ? 'A' : 'B', n, t));
    }
    s = receive(s, entries(batch));
    sharedChunks += before.filter((c) => s.list.chunks.includes(c)).length;
  }
  const ms = performance.now() - started;
  assert.equal(s.list.size, 100_000);
  const all = toArray(s.list);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].rec.t <= all[i].rec.t, `sorted at ${i}`);
  assert.ok(s.list.chunks.every((c) => c.length <= CHUNK * 2), 'chunks stay bounded');
  // Each batch copies only the chunks it touches: all but a few are shared with the previous state.
  assert.ok(sharedChunks > 200 * 40, `chunks shared between versions: ${sharedChunks}`);
  // The concat-and-sort reducer this replaces took about 1.4 s here on the project machine.
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
});

test('clear, pause and navigation ignore the records they cover, even when the history is replayed', () => {
  const history = (list: Entry[]): BackgroundToPanel => ({ v, type: 'history', tabId: 1, entries: list, frames, stats: { malformed: 0, evicted: 0, stored: list.length } });
  let s = receive(initialState(), entries([winRecv('A', 1, 10)]));
  s = reduce(s, { type: 'clear', at: 15 });
  s = receive(s, history([winRecv('A', 1, 10), winRecv('A', 2, 20)]));
  assert.deepEqual(seqs(s), ['A2']);
  s = reduce(s, { type: 'record', on: false, at: 25 });
  s = receive(s, entries([winRecv('A', 3, 26)]));
  s = reduce(s, { type: 'record', on: true, at: 30 });
  s = receive(s, history([winRecv('A', 2, 20), winRecv('A', 3, 26), winRecv('A', 4, 31)]));
  assert.deepEqual(seqs(s), ['A2', 'A4']);
  s = reduce(s, { type: 'preserve-log', on: true });
  s = reduce(s, { type: 'receive', msgs: [{ v, type: 'navigated', tabId: 1, url: 'http://a.test/2' }], at: 40 });
  assert.equal(s.list.size, 2, 'preserved across navigation');
  s = reduce(s, { type: 'preserve-log', on: false });
  s = reduce(s, { type: 'receive', msgs: [{ v, type: 'navigated', tabId: 1, url: 'http://a.test/3' }], at: 50 });
  assert.equal(s.list.size, 0);
});

test('an imported session replaces the live view until going back to live', () => {
  let s = receive(initialState(), entries([winRecv('A', 1, 10)]));
  s = reduce(s, { type: 'import', name: 'x.json', input: { entries: [winRecv('Z', 1, 5), winRecv('Z', 2, 6)], frames } });
  assert.deepEqual(seqs(s), ['Z1', 'Z2']);
  s = receive(s, entries([winRecv('A', 2, 20)]));
  assert.deepEqual(seqs(s), ['Z1', 'Z2'], 'live traffic ignored while an import is shown');
  s = reduce(s, { type: 'live' });
  assert.equal(s.imported, null);
  assert.equal(s.list.size, 0);
});

test('keepNewest drops whole chunks first and counts what it dropped', () => {
  const list = addEntries(emptyList, Array.from({ length: CHUNK * 3 }, (_, i) => winRecv('A', i, i))).list;
  const { list: kept, dropped } = keepNewest(list, CHUNK + 10);
  assert.equal(dropped, CHUNK * 2 - 10);
  assert.equal(kept.size, CHUNK + 10);
  assert.equal(toArray(kept)[0].rec.seq, CHUNK * 2 - 10);
});

test('a stream of late records splits chunks and keeps order and deduplication', () => {
  let list = addEntries(emptyList, Array.from({ length: CHUNK }, (_, i) => winRecv('A', i, i * 10))).list;
  for (let b = 0; b < 6; b++) {
    const late = Array.from({ length: 500 }, (_, i) => winRecv('L', b * 500 + i, 5 + ((b * 500 + i) % 900) * 10));
    list = addEntries(list, late).list;
    list = addEntries(list, late.slice(0, 50)).list;
  }
  const all = toArray(list);
  assert.equal(all.length, CHUNK + 3000);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].rec.t <= all[i].rec.t);
  assert.equal(new Set(all.map((e) => `${e.key}#${e.rec.seq}`)).size, all.length);
  assert.ok(list.chunks.length > 1 && list.chunks.every((c) => c.length <= CHUNK * 2));
});
