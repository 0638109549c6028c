import { N, call } from './natives';
import type { WirePreview } from '../../extension/protocol/wire-preview';
import type { Endpoint } from './endpoints';

// Messages between the two ports of a channel that stays in this document. The browser delivers a
// port's messages in the order they were posted, so each port keeps, in that order, the previews
// its twin recorded when it sent them; its receive record takes the next one instead of reading
// event.data again. That saves a second preview and, when the page never reads the data, the
// deserialization Postscope alone would have caused (together a sixth of a same-document port
// message's cost). A preview is kept only when the clone cannot differ from it (plain objects,
// arrays and primitives, no accessor, nothing transferred); otherwise the slot holds null and the
// receive is previewed as usual.
//
// Not covered: a page that posts on this document's port through another realm's
// MessagePort.prototype.postMessage (a same-origin frame's, borrowed) bypasses this document's
// wrapper, so its message would take the slot of the next one. Pages do not do that in practice.

/** Most previews kept per port; beyond, the later messages are previewed on arrival. */
const MAX_WAITING = 4096;

export interface Inbox {
  waiting: (WirePreview | null)[];
  /** Messages sent while the list was full: they arrive after every kept one. */
  overflow: number;
}

export const newInbox = (): Inbox => ({ waiting: [], overflow: 0 });

/** The sender `from` just posted a message with this preview (null: preview it on arrival). */
export const expectAtTwin = (from: Endpoint, data: WirePreview | null): void => {
  const to = from.twin;
  if (!to || to.neutered || to.closed || to.via !== 'port') return;
  const inbox = to.inbox;
  if (inbox.overflow > 0 || inbox.waiting.length >= MAX_WAITING) inbox.overflow++;
  else call(N.ArrayPush, inbox.waiting, data);
};

/** For a trusted message or messageerror event at `ep`: the preview its sender kept, or null. */
export const takeExpected = (ep: Endpoint): WirePreview | null => {
  const inbox = ep.inbox;
  if (inbox.waiting.length > 0) return call<WirePreview | null>(N.ArrayShift, inbox.waiting);
  if (inbox.overflow > 0) inbox.overflow--;
  return null;
};

/** The port left this document or closed: what it was waiting for will never arrive here. */
export const dropExpected = (ep: Endpoint): void => {
  ep.inbox.waiting = [];
  ep.inbox.overflow = 0;
};
