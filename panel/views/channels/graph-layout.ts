import dagre from '@dagrejs/dagre';
import type { ChannelGraph, GraphContext, GraphEdge, GraphPort } from '../../model/channel-graph-types';

// Lays out the channel graph with dagre (a compound graph: contexts are clusters holding their port
// objects), left to right. Pure: the view only draws the boxes and polylines returned here.

export const MAX_PORTS = 400;
const PORT_W = 150;
const PORT_H = 34;

export interface Box { x: number; y: number; w: number; h: number }
export interface LaidOutGraph {
  width: number;
  height: number;
  groups: (Box & { context: GraphContext })[];
  ports: (Box & { port: GraphPort })[];
  edges: { edge: GraphEdge; points: { x: number; y: number }[] }[];
  /** Ports left out because the graph was larger than MAX_PORTS. */
  omitted: number;
}

const box = (n: { x: number; y: number; width: number; height: number }): Box => ({ x: n.x - n.width / 2, y: n.y - n.height / 2, w: n.width, h: n.height });

export const layoutChannelGraph = (graph: ChannelGraph): LaidOutGraph => {
  const ports = graph.ports.slice(0, MAX_PORTS);
  const kept = new Set(ports.map((p) => p.id));
  const used = new Set(ports.map((p) => p.context));
  const contexts = graph.contexts.filter((c) => used.has(c.id));
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 70, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of contexts) g.setNode(`c:${c.id}`, { label: c.label, paddingTop: 24, paddingLeft: 10, paddingRight: 10, paddingBottom: 10 });
  for (const p of ports) {
    g.setNode(`p:${p.id}`, { width: PORT_W, height: PORT_H });
    g.setParent(`p:${p.id}`, `c:${p.context}`);
  }
  const edges = graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  edges.forEach((e, i) => g.setEdge(`p:${e.from}`, `p:${e.to}`, { minlen: e.kind === 'entangled' ? 1 : 1, weight: e.kind === 'entangled' ? 2 : 1 }, String(i)));
  dagre.layout(g);
  const size = g.graph();
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    groups: contexts.map((context) => ({ ...box(g.node(`c:${context.id}`)), context })),
    ports: ports.map((port) => ({ ...box(g.node(`p:${port.id}`)), port })),
    edges: edges.map((edge, i) => ({ edge, points: g.edge({ v: `p:${edge.from}`, w: `p:${edge.to}`, name: String(i) }).points ?? [] })),
    omitted: graph.ports.length - ports.length,
  };
};
