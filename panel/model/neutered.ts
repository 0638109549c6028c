import type { Entry, RecordOf } from '../../extension/protocol';
import type { ModelInput } from './input';
import { buildChannelGraph } from './port-graph';
import { entryKey } from './input';
import type { ChannelGraph, NeuteredObject } from './channel-graph-types';

// Everything a message moved away from its context: ports (neutered: the object stays but is dead)
// and buffers and other transferables (detached). Later uses of a dead object are listed as misuse:
// a send on a neutered port is silently lost, a transfer of a detached buffer throws DataCloneError.

type Send = Entry & { rec: RecordOf<'port-send'> };

/** `graph` may be passed when the caller already built it from the same input. */
export function neuteredObjects(input: ModelInput, graph: ChannelGraph = buildChannelGraph(input)): NeuteredObject[] {
  const contextOfPort = new Map(graph.ports.map((p) => [p.id, p.context]));
  const byKey = new Map(input.entries.map((e) => [entryKey(e), e]));
  const sends = input.entries.filter((e): e is Send => e.rec.k === 'port-send');
  // Every send that used an object: posted on it (a port) or listed it for transfer.
  const uses = new Map<string, Send[]>();
  const use = (id: string, s: Send) => {
    const list = uses.get(id);
    if (list) {
      if (list[list.length - 1] !== s) list.push(s);
    } else uses.set(id, [s]);
  };
  for (const s of sends) {
    use(s.rec.port, s);
    for (const t of s.rec.transfer) if (t.id) use(t.id, s);
  }
  const misuseAfter = (id: string, t: number, carrier: Entry | undefined) => (uses.get(id) ?? []).filter((s) => s.rec.t >= t && s !== carrier).map(entryKey);
  const docContext = (e: Entry) => `doc:${e.key}`;
  const out: NeuteredObject[] = [];

  const linked = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'moved') continue;
    const carrier = edge.via ? byKey.get(edge.via) : undefined;
    linked.add(edge.from);
    out.push({ id: edge.from, kind: 'port', bytes: null, movedBy: edge.via, from: contextOfPort.get(edge.from) ?? 'unknown', to: contextOfPort.get(edge.to) ?? null, state: 'neutered', method: edge.method, misuse: misuseAfter(edge.from, carrier?.rec.t ?? 0, carrier) });
  }

  const paired = new Map(graph.messages.filter((m) => m.send && m.recv.length === 1).map((m) => [m.send!, m.recv[0]]));
  for (const s of sends) {
    if (s.rec.outcome !== 'sent' && s.rec.outcome !== 'doomed') continue;
    s.rec.transfer.forEach((t, i) => {
      if (t.after !== 'neutered') return;
      if (t.kind === 'port') {
        // A port a recorded send transferred whose arrival was not seen (an unstarted receiver, a worker).
        if (!t.id || linked.has(t.id)) return;
        linked.add(t.id);
        out.push({ id: t.id, kind: 'port', bytes: null, movedBy: entryKey(s), from: docContext(s), to: null, state: 'neutered', method: 'observed', misuse: misuseAfter(t.id, s.rec.t, s) });
        return;
      }
      const received = byKey.get(paired.get(entryKey(s)) ?? '');
      out.push({ id: t.id ?? `${entryKey(s)}/${i}`, kind: t.kind, bytes: t.bytes, movedBy: entryKey(s), from: docContext(s), to: received ? docContext(received) : null, state: 'detached', method: 'observed', misuse: t.id ? misuseAfter(t.id, s.rec.t, s) : [] });
    });
  }
  return out;
}
