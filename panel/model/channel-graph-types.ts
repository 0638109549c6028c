// The channel graph's shape (built by panel/model/port-graph.ts from the records, drawn by the
// Channels view): contexts hold port ends; edges are entanglements and moves.

export type PortState = 'not-started' | 'started' | 'closed' | 'neutered' | 'collected';

export interface GraphContext {
  id: string;
  label: string;
  kind: 'frame' | 'worker' | 'shared-worker' | 'service-worker' | 'unknown';
  frameId: number | null;
}

/** One port object in one context. A transferred endpoint is a chain of these linked by 'moved' edges. */
export interface GraphPort {
  id: string;
  context: string;
  channel: string | null;
  state: PortState;
  /** Messages sent and received through this object. */
  sent: number;
  received: number;
}

export interface GraphEdge {
  kind: 'entangled' | 'moved';
  from: string;
  to: string;
  /** The message that moved the port (for 'moved'). */
  via: string | null;
  /** How the link is known: observed by the hook, or inferred from traffic (say so in the view). */
  method: 'observed' | 'inferred';
}

export interface ChannelGraph {
  contexts: GraphContext[];
  ports: GraphPort[];
  edges: GraphEdge[];
}
