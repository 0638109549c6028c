import type { Entry, RecordOf } from '../../extension/protocol';
import { dataShape, type PortFacts } from './port-facts';
import { entryKey } from './input';

// Linking port objects across contexts. A port transferred by a wrapped send (MessagePort, Worker)
// is observed on both sides: the sender's transfer list and the receiver's event.ports, joined by
// pairing the message. A port transferred through window.postMessage (not wrapped, see
// CONTRACTS.md) is seen only when it arrives; which object in the sending frame it was is inferred.

export interface Move { from: string; to: string; via: string; t: number; method: 'observed' | 'inferred' }

type Send = Entry & { rec: RecordOf<'port-send'> };
type Recv = Entry & { rec: RecordOf<'port-recv'> };

/**
 * Pairs sends on one end of a channel with receives on the other. Messages on a channel arrive in
 * order (HTML 9.4.3, a port message queue is FIFO), so the k-th delivered send matches the k-th
 * receive with the same data shape; receives without a recorded send (synthetic events, senders
 * in unobserved contexts) are skipped over.
 */
export const pairInOrder = (sends: Send[], recvs: Recv[]): Map<Send, Recv> => {
  const pairs = new Map<Send, Recv>();
  let j = 0;
  for (const s of sends) {
    const shape = dataShape(s.rec.data);
    const portCount = s.rec.transfer.filter((t) => t.kind === 'port').length;
    for (let k = j; k < recvs.length; k++) {
      const r = recvs[k];
      // A messageerror carries no data (it could not be deserialized), so only its place in the order matches.
      const matches = r.rec.type === 'messageerror' ? portCount === 0 : dataShape(r.rec.data) === shape && r.rec.ports.length === portCount;
      if (matches) {
        pairs.set(s, r);
        j = k + 1;
        break;
      }
    }
  }
  return pairs;
};

/** Ports in a paired message's transfer list become the ports in the receive's event.ports, in order. */
export const movesOfPair = (s: Send, r: Recv): Move[] => {
  const sent = s.rec.transfer.filter((t) => t.kind === 'port' && t.id !== null);
  return sent.flatMap((t, i) => (r.rec.ports[i] ? [{ from: t.id!, to: r.rec.ports[i], via: entryKey(s), t: s.rec.t, method: 'observed' as const }] : []));
};

/** The document a window reference named, from the frames' own announcements (the latest at that time). */
const docOfRef = (entries: Entry[], recorder: Entry, ref: { rel: string; path: number[] | null }): string | null => {
  if (ref.rel === 'self') return recorder.key;
  if (!ref.path) return null;
  const same = (p: number[] | null) => p !== null && p.length === ref.path!.length && p.every((v, i) => v === ref.path![i]);
  let before: string | null = null;
  let any: string | null = null;
  for (const e of entries) {
    if (e.rec.k !== 'frame' || !same(e.rec.path)) continue;
    any ??= e.key;
    if (e.rec.t <= recorder.rec.t) before = e.key;
  }
  return before ?? any;
};

/**
 * For a window message that carried ports, the objects of the sending frame that were most likely
 * transferred: ports held there before the message arrived, not closed, not already moved, not
 * transferred by a recorded send, and never receiving afterwards (a neutered port receives
 * nothing); the most recently created first, the second port of a channel before the first (pages
 * keep port1 and send port2 by convention), and never both ends of one channel (that would doom it).
 */
export const inferWindowMove = (entries: Entry[], recv: Entry & { rec: RecordOf<'win-recv'> }, facts: Map<string, PortFacts>, movedFrom: Set<string>, observedMoved: Set<string>, twin: Map<string, string>, second: Set<string>): Move[] => {
  const sender = docOfRef(entries, recv, recv.rec.source);
  if (!sender) return [];
  const t = recv.rec.t;
  const candidates = [...facts.values()].filter((f) => f.doc === sender && f.firstT <= t && !f.closed && !movedFrom.has(f.id) && !observedMoved.has(f.id) && !recv.rec.ports.includes(f.id) && !f.recvTimes.some((rt) => rt > t));
  candidates.sort((a, b) => b.firstT - a.firstT || Number(second.has(b.id)) - Number(second.has(a.id)));
  const chosen: PortFacts[] = [];
  for (const f of candidates) {
    if (chosen.length === recv.rec.ports.length) break;
    if (!chosen.some((c) => twin.get(c.id) === f.id)) chosen.push(f);
  }
  chosen.reverse();
  return chosen.map((f, i) => ({ from: f.id, to: recv.rec.ports[i], via: entryKey(recv), t, method: 'inferred' as const }));
};
