import type { Audit, AuditItem } from './types';
import { scoreOf } from './result';
import { entryKey } from '../input';
import type { Entry } from '../../../extension/protocol';
import { buildChannelGraph } from '../port-graph';

// MessagePorts that were never started (messages queue forever: addEventListener('message') does
// not start a port, only start() or setting onmessage does) and ports never closed (they keep
// their peer and its document alive until garbage collection).

interface PortFacts { id: string; entries: Entry[]; started: boolean; closed: boolean; moved: boolean; listener: boolean; sentToward: number }

export const portLifecycle: Audit = {
  meta: {
    id: 'port-lifecycle',
    title: 'Ports are started and closed',
    failureTitle: 'Ports are never started, or never closed',
    description: "A MessagePort's queue is only enabled by start() or by setting onmessage (HTML, MessagePort start()); addEventListener('message') alone leaves every message queued. Ports that are never closed keep their channel alive.",
    severity: 'medium',
  },
  audit(input) {
    const ports = new Map<string, PortFacts>();
    const peer = new Map<string, string>();
    const fact = (id: string, e?: Entry): PortFacts => {
      let f = ports.get(id);
      if (!f) ports.set(id, (f = { id, entries: [], started: false, closed: false, moved: false, listener: false, sentToward: 0 }));
      if (e) f.entries.push(e);
      return f;
    };
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k === 'channel') {
        fact(r.port1, e);
        fact(r.port2, e);
        peer.set(r.port1, r.port2);
        peer.set(r.port2, r.port1);
      } else if (r.k === 'port-seen') fact(r.port, e);
      else if (r.k === 'port-state') {
        const f = fact(r.port, e);
        if (r.state === 'started') f.started = true;
        else f.closed = true;
      } else if (r.k === 'listener-add' && r.targetKind === 'port') {
        const f = fact(r.target, e);
        f.listener = true;
        if (r.how === 'onmessage') f.started = true;
      }
    }
    // Ports that left their context through a window message are known only to the channel graph
    // (window sends are not observed; the graph infers those moves): they are judged where they arrived.
    for (const p of buildChannelGraph(input).ports) if (p.state === 'neutered' && ports.has(p.id)) ports.get(p.id)!.moved = true;
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k !== 'port-send' && r.k !== 'win-send') continue;
      for (const t of r.transfer) if (t.kind === 'port' && t.id && ports.has(t.id)) ports.get(t.id)!.moved = true;
      if (r.k === 'port-send' && r.via === 'port' && r.outcome === 'sent') {
        const to = peer.get(r.port);
        if (to) fact(to).sentToward++;
      }
    }
    const items: AuditItem[] = [];
    for (const f of ports.values()) {
      if (f.moved || f.closed) continue;
      const evidence = f.entries.slice(0, 3).map((e) => ({ entry: entryKey(e), frameId: e.frameId, method: 'runtime' as const }));
      if (!f.started && (f.listener || f.sentToward > 0)) {
        items.push({
          summary: `port ${f.id} was never started${f.listener ? ": it has a 'message' listener added with addEventListener, but no start()" : ''}${f.sentToward ? `; ${f.sentToward} message(s) wait in its queue` : ''}`,
          evidence,
          details: { port: f.id, problem: 'never-started', queued: f.sentToward },
        });
      } else if (f.started) {
        items.push({ summary: `port ${f.id} was never closed`, evidence, details: { port: f.id, problem: 'never-closed', queued: 0 } });
      }
    }
    const neverStarted = items.some((i) => i.details.problem === 'never-started');
    return { score: scoreOf(ports.size, neverStarted), items };
  },
};
