import type { Entry } from '../../extension/protocol';

// The panel's record list: sorted by (time, document key, seq), persistent (a new version never
// changes an old one, so the reducer stays pure) and cheap to grow. Entries live in chunks of at
// most CHUNK; adding a batch copies only the chunks it touches plus the chunk index, so appending
// in order costs O(batch + CHUNK + n/CHUNK) and a late record is inserted with two binary searches.
// The same order identifies duplicates: a history replay after a service-worker restart re-sends
// records the panel holds, and they land on an equal key.

export const CHUNK = 1024;

export interface EntryList {
  readonly chunks: readonly (readonly Entry[])[];
  readonly size: number;
}

export const emptyList: EntryList = { chunks: [], size: 0 };

/** Total order of records; 0 means the same record. */
export const compareEntries = (a: Entry, b: Entry): number => {
  if (a.rec.t !== b.rec.t) return a.rec.t < b.rec.t ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.rec.seq - b.rec.seq;
};

/** Index of the first chunk whose last entry is >= e (chunks.length if none). */
const chunkFor = (chunks: readonly (readonly Entry[])[], e: Entry): number => {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid];
    if (compareEntries(c[c.length - 1], e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Index of the first entry in a sorted chunk that is >= e. */
const slotFor = (chunk: readonly Entry[], e: Entry): number => {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntries(chunk[mid], e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Adds records to the list, skipping those it holds already. Returns the same list object when
 * nothing was new, so selectors memoized on it do no work.
 */
export const addEntries = (list: EntryList, incoming: readonly Entry[]): { list: EntryList; added: number } => {
  const chunks = list.chunks.slice() as Entry[][];
  const copied = new Set<number>();
  const own = (i: number): Entry[] => {
    if (!copied.has(i)) {
      chunks[i] = chunks[i].slice();
      copied.add(i);
    }
    return chunks[i];
  };
  let added = 0;
  for (const e of incoming) {
    const last = chunks.length ? chunks[chunks.length - 1] : null;
    if (!last || compareEntries(last[last.length - 1], e) < 0) {
      // In order: the common case. Start a new chunk when the last one is full.
      if (!last || last.length >= CHUNK) {
        chunks.push([e]);
        copied.add(chunks.length - 1);
      } else own(chunks.length - 1).push(e);
      added++;
      continue;
    }
    const ci = chunkFor(chunks, e);
    const slot = slotFor(chunks[ci], e);
    if (slot < chunks[ci].length && compareEntries(chunks[ci][slot], e) === 0) continue;
    const target = own(ci);
    target.splice(slot, 0, e);
    added++;
    if (target.length > CHUNK * 2) {
      // Split so one chunk never grows without bound under a stream of late records.
      const half = target.splice(CHUNK);
      chunks.splice(ci + 1, 0, half);
      const shifted = new Set<number>();
      for (const i of copied) shifted.add(i > ci ? i + 1 : i);
      shifted.add(ci + 1);
      copied.clear();
      for (const i of shifted) copied.add(i);
    }
  }
  if (added === 0) return { list, added };
  return { list: { chunks, size: list.size + added }, added };
};

/** Drops the oldest records so that at most `keep` remain (whole chunks first, then a prefix). */
export const keepNewest = (list: EntryList, keep: number): { list: EntryList; dropped: number } => {
  if (list.size <= keep) return { list, dropped: 0 };
  let excess = list.size - keep;
  const dropped = excess;
  let i = 0;
  while (i < list.chunks.length && list.chunks[i].length <= excess) excess -= list.chunks[i++].length;
  const chunks = list.chunks.slice(i);
  if (excess > 0 && chunks.length) chunks[0] = chunks[0].slice(excess);
  return { list: { chunks, size: keep }, dropped };
};

/** Every entry in order, as one array (for views and the model, which take arrays). */
export const toArray = (list: EntryList): Entry[] => {
  const out = new Array<Entry>(list.size);
  let k = 0;
  for (const c of list.chunks) for (const e of c) out[k++] = e;
  return out;
};
