import { LIMITS, type Entry, type FrameNode, type Stats } from '../protocol';

// Per-tab history kept in extension storage (local storage with unlimitedStorage: session storage's
// 10 MB quota held only about 8,500 of the smallest records for all tabs together), so a service
// worker that is stopped and restarted finds every record again; the background wipes it at browser
// start and when a tab closes. Records are appended in chunks (only the last chunk is rewritten per
// batch); the oldest chunks are evicted beyond LIMITS.tabHistory. A batch is acknowledged to the
// bridge only after it is written, and records a frame already delivered (same key and seq, after a
// resend) are skipped.

export interface KV {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const CHUNK = 500;

export interface TabMeta {
  /** Chunk numbers in order; the last one is appended to. */
  chunks: number[];
  /** Entries in the last chunk. */
  lastSize: number;
  /** Approximate serialized size of each chunk, in the order of `chunks`. */
  bytes: number[];
  /** Highest seq stored per hook key (dedup after resends). */
  hi: Record<string, number>;
  frames: FrameNode[];
  stats: Stats;
}

const metaKey = (tabId: number) => `tab:${tabId}:meta`;
const chunkKey = (tabId: number, n: number) => `tab:${tabId}:c:${n}`;

export const emptyMeta = (): TabMeta => ({ chunks: [], lastSize: 0, bytes: [], hi: {}, frames: [], stats: { malformed: 0, evicted: 0, stored: 0 } });

export class HistoryStore {
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly metas = new Map<number, TabMeta>();
  private readonly lastChunks = new Map<number, { n: number; entries: Entry[] }>();

  constructor(
    private readonly kv: KV,
    private readonly limit: number = LIMITS.tabHistory,
    private readonly byteLimit: number = LIMITS.tabHistoryBytes,
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
   * Appends entries from one frame document (hook `key`), skipping already-stored seqs. Returns what
   * was new. Nothing changes in memory unless the write succeeded, so a failed write leaves the
   * batch unacknowledged and its resend is stored, not skipped as a duplicate.
   */
  append(tabId: number, key: string, entries: Entry[], malformed: number): Promise<Entry[]> {
    return this.serial(tabId, async () => {
      const meta = structuredClone(await this.meta(tabId));
      const hi = meta.hi[key] ?? -1;
      const fresh = entries.filter((e) => e.rec.seq > hi);
      meta.stats.malformed += malformed;
      const writes: Record<string, unknown> = {};
      let last = fresh.length > 0 ? await this.lastChunk(tabId, meta) : null;
      if (fresh.length > 0) {
        meta.hi[key] = fresh[fresh.length - 1].rec.seq;
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
          writes[chunkKey(tabId, last.n)] = last.entries;
          meta.bytes[meta.bytes.length - 1] += JSON.stringify(take).length;
          meta.stats.stored += take.length;
        }
        meta.lastSize = last!.entries.length;
      }
      const evict: string[] = [];
      const total = () => meta.bytes.reduce((a, b) => a + b, 0);
      while (meta.chunks.length > 1 && ((meta.chunks.length - 1) * CHUNK + meta.lastSize > this.limit || total() > this.byteLimit)) {
        const n = meta.chunks.shift()!;
        meta.bytes.shift();
        evict.push(chunkKey(tabId, n));
        meta.stats.evicted += CHUNK;
        meta.stats.stored -= CHUNK;
      }
      writes[metaKey(tabId)] = meta;
      await this.kv.set(writes);
      this.metas.set(tabId, meta);
      if (last) this.lastChunks.set(tabId, last);
      if (evict.length) await this.kv.remove(evict);
      return fresh;
    });
  }

  /** The chunk being appended to, from memory (read from storage once after a worker restart). */
  private async lastChunk(tabId: number, meta: TabMeta): Promise<{ n: number; entries: Entry[] } | null> {
    if (meta.chunks.length === 0) return null;
    const n = meta.chunks[meta.chunks.length - 1];
    const cached = this.lastChunks.get(tabId);
    if (cached && cached.n === n) return cached;
    const k = chunkKey(tabId, n);
    return { n, entries: ((await this.kv.get([k]))[k] as Entry[] | undefined) ?? [] };
  }

  /** Everything kept for the tab, oldest first, and its frames and counters. */
  read(tabId: number): Promise<{ entries: Entry[]; frames: FrameNode[]; stats: Stats }> {
    return this.serial(tabId, async () => {
      const meta = await this.meta(tabId);
      const keys = meta.chunks.map((n) => chunkKey(tabId, n));
      const got = keys.length ? await this.kv.get(keys) : {};
      const entries = keys.flatMap((k) => (got[k] as Entry[] | undefined) ?? []);
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
