import type { Entry, RecordOf } from '../../extension/protocol';
import type { ModelInput } from './input';
import { buildChannelGraph } from './port-graph';
import { entryKey } from './port-facts';
import type { NeuteredObject } from './channel-graph-types';

// Everything a message moved away from its context: ports (neutered: the object stays but is dead)
// and buffers and other transferables (detached). Later uses of a dead object are listed as misuse:
// a send on a neutered port is silently lost, a transfer of a detached buffer throws DataCloneError.

type Send = Entry & { rec: RecordOf<'port-send'> };

export function neuteredObjects(input: ModelInput): NeuteredObject[] {
  const graph = buildChannelGraph(input);
  const contextOfPort = new Map(graph.ports.map((p) => [p.id, p.context]));
  const sends = input.entries.filter((e): e is Send => e.rec.k === 'port-send');
  const byKey = new Map(sends.map((s) => [entryKey(s), s]));
  const docContext = (e: Entry) => `doc:${e.key}`;
  const out: NeuteredObject[] = [];

  for (const edge of graph.edges) {
    if (edge.kind !== 'moved') continue;
    const carrier = edge.via ? byKey.get(edge.via) : undefined;
    const movedAt = carrier?.rec.t ?? input.entries.find((e) => entryKey(e) === edge.via)?.rec.t ?? 0;
    const misuse = sends.filter((s) => s.rec.t >= movedAt && s !== carrier && (s.rec.port === edge.from || s.rec.transfer.some((t) => t.id === edge.from))).map(entryKey);
    out.push({ id: edge.from, kind: 'port', bytes: null, movedBy: edge.via, from: contextOfPort.get(edge.from) ?? 'unknown', to: contextOfPort.get(edge.to) ?? null, state: 'neutered', method: edge.method, misuse });
  }

  // Ports a recorded send transferred whose arrival was not seen (an unstarted receiver, a worker).
  const linked = new Set(out.map((o) => o.id));
  for (const s of sends) {
    if (s.rec.outcome !== 'sent' && s.rec.outcome !== 'doomed') continue;
    for (const t of s.rec.transfer) {
      if (t.kind !== 'port' || !t.id || t.after !== 'neutered' || linked.has(t.id)) continue;
      linked.add(t.id);
      const misuse = sends.filter((x) => x.rec.t >= s.rec.t && x !== s && (x.rec.port === t.id || x.rec.transfer.some((u) => u.id === t.id))).map(entryKey);
      out.push({ id: t.id, kind: 'port', bytes: null, movedBy: entryKey(s), from: docContext(s), to: null, state: 'neutered', method: 'observed', misuse });
    }
  }

  const paired = new Map(graph.messages.filter((m) => m.send && m.recv.length === 1).map((m) => [m.send!, m.recv[0]]));
  const recvContext = (key: string | undefined) => {
    const e = key ? input.entries.find((x) => entryKey(x) === key) : undefined;
    return e ? docContext(e) : null;
  };
  for (const s of sends) {
    if (s.rec.outcome !== 'sent' && s.rec.outcome !== 'doomed') continue;
    s.rec.transfer.forEach((t, i) => {
      if (t.kind === 'port' || t.after !== 'neutered') return;
      const id = t.id ?? `${entryKey(s)}/${i}`;
      const misuse = t.id ? sends.filter((x) => x.rec.t >= s.rec.t && x !== s && x.rec.transfer.some((u) => u.id === t.id)).map(entryKey) : [];
      out.push({ id, kind: t.kind, bytes: t.bytes, movedBy: entryKey(s), from: docContext(s), to: recvContext(paired.get(entryKey(s))), state: 'detached', method: 'observed', misuse });
    });
  }
  return out;
}
