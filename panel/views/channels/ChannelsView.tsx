import { useMemo, useState } from 'react';
import type { Entry } from '../../../extension/protocol';
import type { ModelInput } from '../../model/input';
import type { GraphPort } from '../../model/channel-graph-types';
import { buildChannelGraph } from '../../model/port-graph';
import { layoutChannelGraph } from './graph-layout';
import { TruncatedText } from '../common/TruncatedText';

// The entangled-port graph: contexts as groups, port objects inside them, entanglement and move
// edges (dotted when inferred rather than observed), each port's state. A step slider rebuilds the
// graph as it was after a given channel event. Selecting a port shows its messages in the timeline.

const isChannelEvent = (e: Entry): boolean => {
  const k = e.rec.k;
  return k === 'channel' || k === 'port-seen' || k === 'port-state' || k === 'port-send' || k === 'port-recv' || (k === 'win-recv' && e.rec.ports.length > 0);
};

const path = (pts: { x: number; y: number }[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

export function ChannelsView({ input, onSelectPort }: { input: ModelInput; onSelectPort: (port: string) => void }) {
  const steps = useMemo(() => input.entries.flatMap((e, i) => (isChannelEvent(e) ? [i] : [])), [input.entries]);
  // null = the latest state, following new records as they arrive.
  const [step, setStep] = useState<number | null>(null);
  const at = step === null || step >= steps.length ? undefined : steps[step] + 1;
  const graph = useMemo(() => buildChannelGraph(input, at), [input, at]);
  const laid = useMemo(() => layoutChannelGraph(graph), [graph]);
  const [hover, setHover] = useState<GraphPort | null>(null);
  const current = step === null ? steps.length - 1 : Math.min(step, steps.length - 1);
  const atEntry = current >= 0 ? input.entries[steps[current]] : null;
  const go = (s: number) => setStep(s >= steps.length - 1 ? null : Math.max(0, s));

  if (steps.length === 0) return <p className="empty">No MessageChannel, port, worker or BroadcastChannel activity recorded.</p>;
  return (
    <div className="channels" data-testid="channels">
      <div className="filter-row stepper">
        <button className="icon" onClick={() => go(current - 1)} disabled={current <= 0} aria-label="Previous event">◀</button>
        <input type="range" min={0} max={steps.length - 1} value={current} onChange={(e) => go(Number(e.target.value))} aria-label="Graph at event" data-testid="graph-step" />
        <button className="icon" onClick={() => go(current + 1)} disabled={step === null} aria-label="Next event">▶</button>
        <span className="note">
          {step === null ? `latest (${steps.length} channel events)` : `after event ${current + 1} of ${steps.length}`}
          {atEntry && ` · ${atEntry.rec.k}`}
        </span>
        <span className="legend">
          <span className="edge-key entangled" /> entangled <span className="edge-key moved" /> moved <span className="edge-key inferred" /> inferred
        </span>
      </div>
      <div className="graph-scroll">
        <svg width={laid.width} height={laid.height} role="img" aria-label="Channel graph">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" className="arrow-head" /></marker>
          </defs>
          {laid.groups.map((g) => (
            <g key={g.context.id} className={`ctx ctx-${g.context.kind}`}>
              <rect x={g.x} y={g.y} width={g.w} height={g.h} rx={4} />
              <text x={g.x + 8} y={g.y + 15} className="ctx-label">{clip(g.context.label, Math.floor(g.w / 6.5))}</text>
            </g>
          ))}
          {laid.edges.map((e, i) => (
            <path key={i} d={path(e.points)} className={`edge ${e.edge.kind} ${e.edge.method}`} markerEnd={e.edge.kind === 'moved' ? 'url(#arrow)' : undefined}>
              <title>{`${e.edge.kind} (${e.edge.method})${e.edge.via ? ` by ${e.edge.via}` : ''}`}</title>
            </path>
          ))}
          {laid.ports.map((p) => (
            <g key={p.port.id} className={`port state-${p.port.state}`} data-port={p.port.id} tabIndex={0} role="button" aria-label={`port ${p.port.id}, ${p.port.state}`}
              onClick={() => onSelectPort(p.port.id)} onKeyDown={(e) => e.key === 'Enter' && onSelectPort(p.port.id)}
              onMouseEnter={() => setHover(p.port)} onMouseLeave={() => setHover(null)}>
              <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={4} />
              <text x={p.x + 8} y={p.y + 14} className="port-id">{clip(p.port.id, 20)}</text>
              <text x={p.x + 8} y={p.y + 27} className="port-meta">{`${p.port.state} · ${p.port.sent}↑ ${p.port.received}↓`}</text>
            </g>
          ))}
        </svg>
        {laid.omitted > 0 && <p className="warn">{laid.omitted} more ports not drawn; filter the timeline by channel: to see their messages.</p>}
      </div>
      <div className="graph-info">
        {hover ? (
          <span>Port <TruncatedText text={hover.id} limit={40} /> in {graph.contexts.find((c) => c.id === hover.context)?.label ?? 'unknown'}: {hover.state}, channel {hover.channel ?? 'unknown'}, {hover.sent} sent, {hover.received} received. Click to show its messages.</span>
        ) : (
          <span className="note">{graph.channels.length} channels, {graph.ports.length} port objects, {graph.messages.length} messages. Click a port to filter the timeline.</span>
        )}
      </div>
    </div>
  );
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, Math.max(1, n - 1)) + '…' : s);
