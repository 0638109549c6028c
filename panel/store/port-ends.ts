import type { Entry, FrameNode } from '../../extension/protocol';
import { buildChannelGraph } from '../model/port-graph';
import type { EntryList } from './entry-list';

// The other end of each port message, from the channel graph's join of sends and receives: a
// send's row learns where it went, a receive's row where it came from. The graph is rebuilt only
// from the channel records and only when their number changes, so window traffic costs nothing here.

/** Beyond this many channel records the join is skipped (rows keep 'unknown'); the details pane still joins. */
export const PORT_JOIN_LIMIT = 5_000;

export type PortEnds = Map<string, { from?: string; to?: string }>;

const CHANNEL_KINDS = new Set(['channel', 'port-seen', 'port-state', 'port-send', 'port-recv']);
const isChannelRecord = (e: Entry) => CHANNEL_KINDS.has(e.rec.k) || (e.rec.k === 'win-recv' && e.rec.ports.length > 0);

export const createPortEndsSelector = () => {
  const perChunk = new WeakMap<readonly Entry[], Entry[]>();
  let last: { count: number; frames: FrameNode[]; ends: PortEnds } | null = null;
  return (list: EntryList, frames: FrameNode[]): PortEnds => {
    const records: Entry[] = [];
    for (const chunk of list.chunks) {
      let mine = perChunk.get(chunk);
      if (!mine) perChunk.set(chunk, (mine = chunk.filter(isChannelRecord)));
      for (const e of mine) records.push(e);
    }
    if (last && last.count === records.length && last.frames === frames) return last.ends;
    const ends: PortEnds = new Map();
    if (records.length > 0 && records.length <= PORT_JOIN_LIMIT) {
      const graph = buildChannelGraph({ entries: records, frames });
      const contexts = new Map(graph.contexts.map((c) => [c.id, c.label]));
      const where = new Map(graph.ports.map((p) => [p.id, `${contexts.get(p.context) ?? 'unknown'} · ${p.id}`]));
      for (const m of graph.messages) {
        // An end the graph inferred (not observed) says so, rather than passing for a fact.
        const note = m.method === 'inferred' ? ' (inferred)' : '';
        if (m.send && m.to) ends.set(m.send, { to: (where.get(m.to) ?? m.to) + note });
        if (m.from) for (const r of m.recv) ends.set(r, { from: (where.get(m.from) ?? m.from) + note });
      }
    }
    last = { count: records.length, frames, ends };
    return ends;
  };
};
