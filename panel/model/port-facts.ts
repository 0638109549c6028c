import type { Entry, Preview } from '../../extension/protocol';

// What the records say about each port object, before any linking: the raw material of the channel
// graph. Port ids are per object and name the document that made them, so every record about a
// port comes from the context that holds it.

export interface PortFacts {
  id: string;
  /** The hook key of the document holding this object. */
  doc: string;
  frameId: number;
  firstT: number;
  channel: string | null;
  started: boolean;
  /** When start() or onmessage enabled its queue, if recorded. */
  startedT: number | null;
  closed: boolean;
  collected: boolean;
  sent: number;
  received: number;
  /** Times of receives: a neutered object never receives again. */
  recvTimes: number[];
}

/** Entries up to a point in time (wall-clock ms, >= 1e12) or the first `at` entries (smaller numbers). */
export const upTo = (entries: Entry[], at?: number): Entry[] => {
  if (at === undefined) return entries;
  return at >= 1e12 ? entries.filter((e) => e.rec.t <= at) : entries.slice(0, Math.max(0, Math.floor(at)));
};

/** Ids that name MessagePort objects (workers, broadcast channels and containers are endpoints too, but not ports). */
export const portIdsOf = (entries: Entry[]): Set<string> => {
  const ids = new Set<string>();
  for (const { rec: r } of entries) {
    if (r.k === 'channel') ids.add(r.port1).add(r.port2);
    else if (r.k === 'port-seen' && (r.via === 'received' || r.via === 'shared-worker' || r.via === 'channel' || r.via === 'unknown')) ids.add(r.port);
    else if ((r.k === 'port-send' || r.k === 'port-recv') && r.via === 'port') ids.add(r.port);
    if ((r.k === 'port-recv' || r.k === 'win-recv')) for (const p of r.ports) ids.add(p);
    if (r.k === 'port-send' || r.k === 'win-send') for (const t of r.transfer) if (t.kind === 'port' && t.id) ids.add(t.id);
  }
  return ids;
};

export const collectPortFacts = (entries: Entry[], ids: Set<string>): Map<string, PortFacts> => {
  const facts = new Map<string, PortFacts>();
  const note = (id: string, e: Entry): PortFacts => {
    let f = facts.get(id);
    if (!f) {
      f = { id, doc: e.key, frameId: e.frameId, firstT: e.rec.t, channel: null, started: false, startedT: null, closed: false, collected: false, sent: 0, received: 0, recvTimes: [] };
      facts.set(id, f);
    }
    return f;
  };
  for (const e of entries) {
    const r = e.rec;
    switch (r.k) {
      case 'channel':
        note(r.port1, e).channel = r.ch;
        note(r.port2, e).channel = r.ch;
        break;
      case 'port-seen':
        if (ids.has(r.port)) note(r.port, e);
        break;
      case 'port-state': {
        if (!ids.has(r.port)) break;
        const f = note(r.port, e);
        if (r.state === 'started') {
          f.started = true;
          f.startedT ??= r.t;
        }
        else if (r.state === 'closed') f.closed = true;
        else f.collected = true;
        break;
      }
      case 'port-send':
        if (r.via === 'port') note(r.port, e).sent++;
        break;
      case 'port-recv':
        if (r.via === 'port') {
          const f = note(r.port, e);
          f.received++;
          f.started = true;
          f.recvTimes.push(r.t);
        }
        for (const p of r.ports) note(p, e);
        break;
      case 'win-recv':
        for (const p of r.ports) note(p, e);
        break;
    }
  }
  return facts;
};

const shapes = new WeakMap<Preview, string>();

/** A message's data with per-side details removed (buffer sizes after transfer, port ids), for matching a send to its receive. */
export const dataShape = (p: Preview | null): string => {
  if (p === null) return 'null';
  let shape = shapes.get(p);
  if (shape === undefined) {
    shape = JSON.stringify(p, (_k, v: unknown) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const t = (v as { t?: unknown }).t;
        if (t === 'arraybuffer') return { t, shared: (v as { shared: boolean }).shared };
        if (t === 'port') return { t };
      }
      return v;
    });
    shapes.set(p, shape);
  }
  return shape;
};

