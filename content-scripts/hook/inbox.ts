import { N, call } from './natives';
import type { WirePreview } from '../../extension/protocol/wire-preview';
import type { Endpoint } from './endpoints';

// Messages between the two ports of a channel that stays in this document. The browser delivers a
// port's messages in the order they were posted, so each port keeps, in that order, the previews
// its twin recorded when it sent them; its receive record takes the next one instead of reading
// event.data again. That saves a second preview and, when the page never reads the data, the
// deserialization Postscope alone would have caused (together about a third of Postscope's cost on
// a same-document port flood: renderer CPU ratio 2.00 -> 1.69). A preview is kept only when the clone cannot differ from it (plain objects,
// arrays and primitives, no accessor, nothing transferred); otherwise the slot holds null and the
// receive is previewed as usual.
//
// Not covered: a page that posts on this document's port through another realm's
// MessagePort.prototype.postMessage (a same-origin frame's, borrowed) bypasses this document's
// wrapper, so its message would take the slot of the next one. Pages do not do that in practice.

/**
 * Preview nodes kept per port, at most (each node a few dozen bytes): a flood of small messages
 * posted in one task keeps up to a hundred thousand previews, a flood of large ones far fewer.
 * Beyond, later messages are previewed on arrival.
 */
const MAX_NODES = 1_000_000;
/** Consumed slots are cut off the front in steps of this many (shift() on a long array is a copy). */
const TRIM = 1024;

export interface Inbox {
  /** Previews from `head` on, in the order their messages will arrive, with their node counts. */
  waiting: (WirePreview | null)[];
  nodes: number[];
  head: number;
  /** Preview nodes held from `head` on. */
  held: number;
  /** Messages sent while the inbox was full: they arrive after every kept one. */
  overflow: number;
}

export const newInbox = (): Inbox => ({ waiting: [], nodes: [], head: 0, held: 0, overflow: 0 });

/** The sender `from` just posted a message with this preview of `nodes` nodes (null: preview it on arrival). */
export const expectAtTwin = (from: Endpoint, data: WirePreview | null, nodes: number): void => {
  const to = from.twin;
  if (!to || to.neutered || to.closed || to.via !== 'port') return;
  const inbox = to.inbox;
  const weight = data === null ? 0 : nodes;
  if (inbox.overflow > 0 || inbox.held + weight > MAX_NODES) {
    inbox.overflow++;
    return;
  }
  call(N.ArrayPush, inbox.waiting, data);
  call(N.ArrayPush, inbox.nodes, weight);
  inbox.held += weight;
};

/** For a trusted message or messageerror event at `ep`: the preview its sender kept, or null. */
export const takeExpected = (ep: Endpoint): WirePreview | null => {
  const inbox = ep.inbox;
  const waiting = inbox.waiting;
  const i = inbox.head;
  if (i >= waiting.length) {
    if (inbox.overflow > 0) inbox.overflow--;
    return null;
  }
  const kept = waiting[i];
  waiting[i] = null;
  inbox.held -= inbox.nodes[i];
  inbox.head = i + 1;
  if (inbox.head === waiting.length) dropExpected(ep, false);
  else if (inbox.head >= TRIM) {
    call(N.ArraySplice, waiting, 0, inbox.head);
    call(N.ArraySplice, inbox.nodes, 0, inbox.head);
    inbox.head = 0;
  }
  return kept;
};

/** The port left this document or closed (withOverflow): what it was waiting for will never arrive here. */
export const dropExpected = (ep: Endpoint, withOverflow = true): void => {
  const inbox = ep.inbox;
  inbox.waiting = [];
  inbox.nodes = [];
  inbox.head = 0;
  inbox.held = 0;
  if (withOverflow) inbox.overflow = 0;
};
