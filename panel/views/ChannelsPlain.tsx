import { useMemo } from 'react';
import type { Entry, FrameNode } from '../../extension/protocol';
import { buildChannelGraph } from '../model/port-graph';
import { neuteredObjects } from '../model/neutered';

/** A plain channel list and neutered-object list, text only; the rich Channels view is the panel's work. */
export function ChannelsPlain({ entries, frames }: { entries: Entry[]; frames: FrameNode[] }) {
  const { graph, neutered } = useMemo(() => {
    const input = { entries, frames };
    const graph = buildChannelGraph(input);
    return { graph, neutered: neuteredObjects(input, graph) };
  }, [entries, frames]);
  const where = new Map(graph.ports.map((p) => [p.id, graph.contexts.find((c) => c.id === p.context)?.label ?? p.context]));
  const label = (contextId: string | null) => (contextId === null ? 'not seen' : graph.contexts.find((c) => c.id === contextId)?.label ?? contextId);
  const count = (ids: string[]) => graph.messages.filter((m) => (m.from && ids.includes(m.from)) || (m.to && ids.includes(m.to))).length;
  if (graph.channels.length === 0 && neutered.length === 0) return null;
  return (
    <div className="channels-plain">
      <table className="timeline" data-testid="channels">
        <thead>
          <tr><th>channel</th><th>created in</th><th>end 1</th><th>end 2</th><th>state</th><th>messages</th></tr>
        </thead>
        <tbody>
          {graph.channels.map((c) => (
            <tr key={c.id} data-state={c.state}>
              <td>{c.id}</td>
              <td>{label(c.context)}</td>
              {c.ends.map((end, i) => <td key={i}>{`${end} in ${where.get(end) ?? 'unknown'}${end === c.ports[i] ? '' : ' (moved)'}`}</td>)}
              <td>{c.state}</td>
              <td>{count(graph.ports.filter((p) => p.channel === c.id).map((p) => p.id))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="timeline" data-testid="neutered">
        <thead>
          <tr><th>neutered</th><th>kind</th><th>bytes</th><th>from</th><th>to</th><th>how known</th><th>later misuse</th></tr>
        </thead>
        <tbody>
          {neutered.map((o) => (
            <tr key={`${o.kind}:${o.id}`} data-kind={o.kind}>
              <td>{o.id}</td>
              <td>{o.kind}</td>
              <td>{o.bytes ?? ''}</td>
              <td>{label(o.from)}</td>
              <td>{label(o.to)}</td>
              <td>{o.method}</td>
              <td>{o.misuse.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
