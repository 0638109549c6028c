// The channel graph's shape (built by panel/model/port-graph.ts from the records, drawn by the
// Channels view): contexts hold port ends; edges are entanglements and moves.
import type { CallSite } from './input';

/** 'unknown' for a port in a context Postscope does not see into (a worker's side of a transfer). */
export type PortState = 'not-started' | 'started' | 'closed' | 'neutered' | 'collected' | 'unknown';

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
  /** The message that moved the port (for 'moved'): the entry key of the send, or of the receive when only that was seen. */
  via: string | null;
  /** How the link is known: observed by the hook, or inferred from traffic (say so in the view). */
  method: 'observed' | 'inferred';
}

/** A MessageChannel and where its two ends are now. */
export interface GraphChannel {
  id: string;
  context: string;
  /** The two port objects the channel was created with. */
  ports: [string, string];
  /** The port objects holding each end now (the last of each chain of moves). */
  ends: [string, string];
  state: 'open' | 'closed' | 'doomed' | 'collected';
  /** Where the page first used it. */
  call: CallSite | null;
}

/** 'messageerror': delivered, but the receiver could not deserialize it. */
export type MessageOutcome = 'delivered' | 'messageerror' | 'queued' | 'lost-closed' | 'lost-neutered' | 'lost-unentangled' | 'doomed' | 'threw' | 'unknown';

/** One message on a port, worker or broadcast channel, with its send and receive joined when both were seen. */
export interface GraphMessage {
  /** Entry keys of the send and of the receive(s); null when not seen. */
  send: string | null;
  recv: string[];
  via: 'port' | 'worker' | 'service-worker' | 'broadcast' | 'client';
  from: string | null;
  to: string | null;
  outcome: MessageOutcome;
  /** Delivered only after it waited in the queue of a port that was not started yet when it was sent. */
  waited: boolean;
  /** How the outcome is known: recorded by the hook at the call, or inferred from the rest of the graph. */
  method: 'observed' | 'inferred';
}

export interface ChannelGraph {
  contexts: GraphContext[];
  ports: GraphPort[];
  edges: GraphEdge[];
  channels: GraphChannel[];
  messages: GraphMessage[];
  /** Port objects a recorded send transferred away (neutered even when the receiving side was not seen). */
  transferred: string[];
}

/** A transferable that a message moved away: a port (neutered) or a buffer or other object (detached). */
export interface NeuteredObject {
  id: string;
  kind: 'port' | 'arraybuffer' | 'imagebitmap' | 'offscreencanvas' | 'readablestream' | 'writablestream' | 'transformstream' | 'videoframe' | 'audiodata' | 'rtcdatachannel' | 'other';
  /** Size before the transfer, for buffers. */
  bytes: number | null;
  /** Entry key of the message that moved it. */
  movedBy: string | null;
  /** Context ids: where it was, and where the moved object went (null when not seen). */
  from: string;
  to: string | null;
  state: 'neutered' | 'detached';
  method: 'observed' | 'inferred';
  /** Entry keys of later uses of the dead object: sends on a neutered port, transfers of a detached buffer. */
  misuse: string[];
}
