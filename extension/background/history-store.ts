import { LIMITS, type Entry, type FrameNode, type Stats } from '../protocol';

// Per-tab history kept in extension storage (local storage with unlimitedStorage: session storage's
// 10 MB quota held only about 8,500 of the smallest records for all tabs together), so a service
// worker that is stopped and restarted finds every record again; the background wipes it at browser
// start and when a tab closes. Records are appended in chunks (only the last chunk is rewritten per
// append); the oldest chunks are evicted beyond LIMITS.tabHistory. A batch is acknowledged to the
// bridge only after it is written, and records a frame already delivered (same key and seq, after a
// resend) are skipped.
//
// A chunk is stored as one JSON string, not as an array of objects: the storage API converts every
// object of a value it is given, and with records of small nested previews that conversion was four
// fifths of the background's time in a message flood (sampling profile of the service worker:
// about 30 µs per record, against under 5 µs to stringify). Readers parse it (readChunk).

export interface KV {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const CHUNK = 200;

export interface TabMeta {
  /** Chunk numbers in order; the last one is appended to. */
  chunks: number[];
  /** Entries in the last chunk. */
  lastSize: number;
  /** Serialized size of each chunk (characters), in the order of `chunks`. */
  bytes: number[];
  /** Highest seq stored per hook key (dedup after resends). */
  hi: Record<string, number>;
  frames: FrameNode[];
  stats: Stats;
}

const metaKey = (tabId: number) => `tab:${tabId}:meta`;
const chunkKey = (tabId: number, n: number) => `tab:${tabId}:c:${n}`;

/** A stored chunk's entries. */
export const readChunk = (v: unknown): Entry[] => (typeof v === 'string' ? (JSON.parse(v) as Entry[]) : []);

export const emptyMeta = (): TabMeta => ({ chunks: [], lastSize: 0, bytes: [], hi: {}, frames: [], stats: { malformed: 0, evicted: 0, stored: 0 } });

interface Waiting {
  key: string;
  entries: Entry[];
  malformed: number;
  resolve(fresh: Entry[]): void;
  reject(e: unknown): void;
}

export class HistoryStore {
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly metas = new Map<number, TabMeta>();
  private readonly lastChunks = new Map<number, { n: number; entries: Entry[] }>();
  private readonly waiting = new Map<number, Waiting[]>();

  /**
   * @param coalesceMs appends to a tab within this window share one storage write: a page that
   * messages in a ping-pong otherwise costs a write (of the whole last chunk) per message, and those
   * writes, in other processes, slowed the page's round trips more than the hook itself did.
   */
  constructor(
    private readonly kv: KV,
    private readonly limit: number = LIMITS.tabHistory,
    private readonly byteLimit: number = LIMITS.tabHistoryBytes,
    private readonly coalesceMs = 25,
  ) {}

  /** Runs `fn` after every earlier operation on the same tab (appends are read-modify-write). */
  private serial<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(tabId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.queues.set(tabId, next.catch(() => undefined));
    return next;
  }

  private async meta(tabId: number): Promise<TabMeta> {
    const cached = this.metas.get(tabId);
    if (cached) return cached;
    const got = await this.kv.get([metaKey(tabId)]);
    const stored = got[metaKey(tabId)] as TabMeta | undefined;
    const meta = stored ? { ...stored, bytes: stored.bytes ?? stored.chunks.map(() => 0) } : emptyMeta();
    this.metas.set(tabId, meta);
    return meta;
  }

  /**
   * Appends entries from one frame document (hook `key`), skipping already-stored seqs; resolves
   * with what was new once it is written. Nothing changes in memory unless the write succeeded, so
   * a failed write leaves the batch unacknowledged and its resend is stored, not skipped.
   */
  append(tabId: number, key: string, entries: Entry[], malformed: number): Promise<Entry[]> {
    return new Promise((resolve, reject) => {
      let list = this.waiting.get(tabId);
      if (!list) {
        this.waiting.set(tabId, (list = []));
        setTimeout(() => this.writeWaiting(tabId), this.coalesceMs);
      }
      list.push({ key, entries, malformed, resolve, reject });
    });
  }

  private writeWaiting(tabId: number) {
    const list = this.waiting.get(tabId) ?? [];
    this.waiting.delete(tabId);
    this.serial(tabId, () => this.write(tabId, list)).then(
      (fresh) => list.forEach((w, i) => w.resolve(fresh[i])),
      (e: unknown) => list.forEach((w) => w.reject(e)),
    );
  }

  /** One storage write for everything that waited: the new entries of each append, in order. */
  private async write(tabId: number, list: Waiting[]): Promise<Entry[][]> {
    const meta = structuredClone(await this.meta(tabId));
    // Chunks changed by this write, serialized once at the end (a flood brings many small appends).
    const dirty = new Map<number, Entry[]>();
    let last: { n: number; entries: Entry[] } | null = null;
    const results: Entry[][] = [];
    for (const w of list) {
      const hi = meta.hi[w.key] ?? -1;
      const fresh = w.entries.filter((e) => e.rec.seq > hi);
      meta.stats.malformed += w.malformed;
      results.push(fresh);
      if (fresh.length === 0) continue;
      meta.hi[w.key] = fresh[fresh.length - 1].rec.seq;
      last ??= await this.lastChunk(tabId, meta);
      let rest = fresh;
      while (rest.length > 0) {
        if (!last || last.entries.length >= CHUNK) {
          const n = meta.chunks.length ? meta.chunks[meta.chunks.length - 1] + 1 : 0;
          meta.chunks.push(n);
          meta.bytes.push(0);
          last = { n, entries: [] };
        }
        const take = rest.slice(0, CHUNK - last.entries.length);
        rest = rest.slice(take.length);
        last = { n: last.n, entries: last.entries.concat(take) };
        dirty.set(last.n, last.entries);
        meta.stats.stored += take.length;
      }
      if (last) meta.lastSize = last.entries.length;
    }
    const evict: string[] = [];
    const evictOldest = () => {
      const n = meta.chunks.shift()!;
      meta.bytes.shift();
      dirty.delete(n);
      evict.push(chunkKey(tabId, n));
      meta.stats.evicted += CHUNK;
      meta.stats.stored -= CHUNK;
    };
    // By count first: chunks a flood fills and evicts within one write are never serialized.
    while (meta.chunks.length > 1 && (meta.chunks.length - 1) * CHUNK + meta.lastSize > this.limit) evictOldest();
    const writes: Record<string, unknown> = {};
    for (const [n, entries] of dirty) {
      const text = JSON.stringify(entries);
      writes[chunkKey(tabId, n)] = text;
      meta.bytes[meta.chunks.indexOf(n)] = text.length;
    }
    const total = () => meta.bytes.reduce((a, b) => a + b, 0);
    while (meta.chunks.length > 1 && total() > this.byteLimit) {
      delete writes[chunkKey(tabId, meta.chunks[0])];
      evictOldest();
    }
    writes[metaKey(tabId)] = meta;
    await this.kv.set(writes);
    this.metas.set(tabId, meta);
    if (last) this.lastChunks.set(tabId, last);
    if (evict.length) await this.kv.remove(evict);
    return results;
  }

  /** The chunk being appended to, from memory (read from storage once after a worker restart). */
  private async lastChunk(tabId: number, meta: TabMeta): Promise<{ n: number; entries: Entry[] } | null> {
    if (meta.chunks.length === 0) return null;
    const n = meta.chunks[meta.chunks.length - 1];
    const cached = this.lastChunks.get(tabId);
    if (cached && cached.n === n) return cached;
    const k = chunkKey(tabId, n);
    return { n, entries: readChunk((await this.kv.get([k]))[k]) };
  }

  /** Everything kept for the tab, oldest first (none without `withEntries`), and its frames and counters. */
  read(tabId: number, withEntries = true): Promise<{ entries: Entry[]; frames: FrameNode[]; stats: Stats }> {
    return this.serial(tabId, async () => {
      const meta = await this.meta(tabId);
      const keys = withEntries ? meta.chunks.map((n) => chunkKey(tabId, n)) : [];
      const got = keys.length ? await this.kv.get(keys) : {};
      const entries = keys.flatMap((k) => readChunk(got[k]));
      return { entries, frames: meta.frames, stats: { ...meta.stats } };
    });
  }

  /** Replaces the tab's frame table (the registry is computed elsewhere). */
  setFrames(tabId: number, update: (frames: FrameNode[]) => FrameNode[]): Promise<FrameNode[]> {
    return this.serial(tabId, async () => {
      const meta = await this.meta(tabId);
      meta.frames = update(meta.frames);
      await this.kv.set({ [metaKey(tabId)]: meta });
      return meta.frames;
    });
  }

  clear(tabId: number, keepFrames = true): Promise<void> {
    return this.serial(tabId, async () => {
      const meta = await this.meta(tabId);
      const keys = meta.chunks.map((n) => chunkKey(tabId, n));
      const next = emptyMeta();
      if (keepFrames) next.frames = meta.frames;
      next.hi = meta.hi;
      await this.kv.set({ [metaKey(tabId)]: next });
      this.metas.set(tabId, next);
      this.lastChunks.delete(tabId);
      if (keys.length) await this.kv.remove(keys);
    });
  }

  forget(tabId: number): Promise<void> {
    return this.serial(tabId, async () => {
      const meta = await this.meta(tabId);
      this.metas.delete(tabId);
      this.lastChunks.delete(tabId);
      await this.kv.remove([metaKey(tabId), ...meta.chunks.map((n) => chunkKey(tabId, n))]);
    });
  }
}
