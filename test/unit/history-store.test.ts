import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHUNK, HistoryStore, type KV } from '../../extension/background/history-store';
import type { Entry } from '../../extension/protocol';

/** An in-memory KV that stores copies (like extension storage) and can be told to fail writes. */
const memoryKV = () => {
  const data = new Map<string, unknown>();
  const kv: KV & { failWrites: boolean; data: Map<string, unknown>; writes: number } = {
    failWrites: false,
    data,
    writes: 0,
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      kv.writes++;
      if (kv.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of keys) data.delete(k);
    },
  };
  return kv;
};

const entry = (seq: number, text = 'x'): Entry => ({
  frameId: 0,
  doc: null,
  key: 'k1',
  rec: { k: 'win-recv', seq, t: seq, msg: `k1:${seq}`, type: 'message', origin: 'http://a', source: { rel: 'self', path: [] }, data: { t: 'string', v: text, len: text.length }, ports: [], trusted: true },
});
const range = (from: number, n: number, text?: string) => Array.from({ length: n }, (_, i) => entry(from + i, text));

test('appends in order, skips records already stored (resends), and reads them back', async () => {
  const store = new HistoryStore(memoryKV());
  assert.equal((await store.append(1, 'k1', range(0, 3), 0)).length, 3);
  assert.equal((await store.append(1, 'k1', range(1, 4), 0)).length, 2, 'seqs 1 and 2 were already stored');
  const { entries, stats } = await store.read(1);
  assert.deepEqual(entries.map((e) => e.rec.seq), [0, 1, 2, 3, 4]);
  assert.equal(stats.stored, 5);
});

test('evicts whole chunks, oldest first, beyond the record limit', async () => {
  const store = new HistoryStore(memoryKV(), 2 * CHUNK);
  await store.append(1, 'k1', range(0, CHUNK), 0);
  await store.append(1, 'k1', range(CHUNK, CHUNK), 0);
  await store.append(1, 'k1', range(2 * CHUNK, 10), 0);
  const { entries, stats } = await store.read(1);
  assert.equal(entries[0].rec.seq, CHUNK, 'the first chunk went');
  assert.equal(entries.length, CHUNK + 10);
  assert.equal(stats.evicted, CHUNK);
});

test('evicts beyond the byte budget even under the record limit (records with large previews)', async () => {
  const big = 'y'.repeat(400);
  const store = new HistoryStore(memoryKV(), 10_000, 3 * CHUNK * 450);
  for (let i = 0; i < 6; i++) await store.append(1, 'k1', range(i * CHUNK, CHUNK, big), 0);
  const { entries } = await store.read(1);
  assert.ok(entries.length <= 3 * CHUNK, `kept ${entries.length}`);
  assert.equal(entries.at(-1)?.rec.seq, 6 * CHUNK - 1, 'the newest are kept');
});

test('a failed write changes nothing, so the resent batch is stored rather than skipped as a duplicate', async () => {
  const kv = memoryKV();
  const store = new HistoryStore(kv);
  await store.append(1, 'k1', range(0, 2), 0);
  kv.failWrites = true;
  await assert.rejects(store.append(1, 'k1', range(2, 2), 0));
  kv.failWrites = false;
  assert.equal((await store.append(1, 'k1', range(2, 2), 0)).length, 2);
  assert.deepEqual((await store.read(1)).entries.map((e) => e.rec.seq), [0, 1, 2, 3]);
});

test('a restarted worker (a new store over the same storage) continues the same chunks', async () => {
  const kv = memoryKV();
  await new HistoryStore(kv).append(1, 'k1', range(0, 3), 0);
  const again = new HistoryStore(kv);
  assert.equal((await again.append(1, 'k1', range(0, 5), 0)).length, 2);
  assert.deepEqual((await again.read(1)).entries.map((e) => e.rec.seq), [0, 1, 2, 3, 4]);
});

test('appends that arrive together share one storage write, and each learns its own new entries', async () => {
  const kv = memoryKV();
  const store = new HistoryStore(kv);
  const other = { ...entry(0), key: 'k2' };
  const [a, b, c] = await Promise.all([store.append(1, 'k1', range(0, 2), 0), store.append(1, 'k1', range(1, 3), 0), store.append(1, 'k2', [other], 0)]);
  assert.equal(kv.writes, 1);
  assert.deepEqual(a.map((e) => e.rec.seq), [0, 1]);
  assert.deepEqual(b.map((e) => e.rec.seq), [2, 3], 'seq 1 was in the first append');
  assert.equal(c.length, 1);
  assert.equal((await store.read(1)).entries.length, 5);
});

test('chunks are stored as JSON text (the storage API converts objects one by one, text at once), and a flood fills and evicts chunks without storing them', async () => {
  const kv = memoryKV();
  const store = new HistoryStore(kv, 2 * CHUNK);
  await store.append(1, 'k1', range(0, 5 * CHUNK), 0);
  const chunks = [...kv.data.entries()].filter(([k]) => k.includes(':c:'));
  assert.equal(chunks.length, 2, 'only the chunks kept are written');
  for (const [, v] of chunks) assert.equal(typeof v, 'string');
  assert.deepEqual((await store.read(1)).entries.map((e) => e.rec.seq), range(3 * CHUNK, 2 * CHUNK).map((e) => e.rec.seq));
});
