import { N, call } from './natives';
import { BATCH_EVENT, BRIDGE_READY_EVENT, HANDSHAKE_EVENT } from '../bridge/handshake';
import { LIMITS, PROTOCOL_VERSION } from '../../extension/protocol/limits';
import type { HookRecord } from '../../extension/protocol';
import type { OnWire } from '../../extension/protocol/wire-preview';

// Collects records and hands them to the bridge in batches. Sparse traffic goes out at the end of
// the current task's microtasks, as it happens. A flood is handed over at most once per
// FLUSH_INTERVAL (or as soon as a batch is full): each hand-over costs the page a JSON text, an
// event into the bridge and a message to the background, and a flood of port messages each in its
// own task paid that per message (about a quarter of Postscope's cost on a port loop). So that
// nothing waits when the document goes away, pagehide flushes at once, and from then on every
// task's records go out at its end again (the page's own unload handlers may still post).

/** A record as the hook builds it: previews in wire form, without the sequence number and time emit adds. */
type Wire = HookRecord extends infer R ? (R extends HookRecord ? OnWire<R> : never) : never;
type Pending = Wire extends infer R ? (R extends Wire ? Omit<R, 'seq' | 't'> : never) : never;

/** Most records buffered while no bridge answered yet (e.g. the extension was reloaded). */
const MAX_UNSENT = 10_000;
/** Milliseconds between two hand-overs during a flood. */
const FLUSH_INTERVAL = 8;
/** A timer this late was cleared by the page (some clear every timer id): stop waiting for it. */
const LOST_TIMER = 40 * FLUSH_INTERVAL;

export interface Channel {
  readonly key: string;
  emit(record: Pending): void;
  /** Records the hook dropped (buffer full, serialization failure). */
  readonly dropped: () => number;
  /** Next message id for this document. */
  nextId(): string;
}

export const openChannel = (): Channel => {
  const key = makeKey();
  let seq = 0;
  let ids = 0;
  let dropped = 0;
  let node: EventTarget | null = null;
  let queue: Wire[] = [];
  let scheduled = false;
  let scheduledAt = 0;
  let lastFlush = -FLUSH_INTERVAL;
  let leaving = false;

  const flush = () => {
    scheduled = false;
    if (!node || queue.length === 0) return;
    lastFlush = N.now();
    while (queue.length > 0) {
      const records = call<Wire[]>(N.ArraySplice, queue, 0, LIMITS.batchRecords);
      let json: string;
      try {
        json = N.stringify({ v: PROTOCOL_VERSION, type: 'batch', frame: key, records });
      } catch {
        dropped += records.length;
        continue;
      }
      const init = N.create(null) as CustomEventInit<string>;
      init.detail = json;
      const ev = N.construct(N.CustomEvent, [BATCH_EVENT, init]) as Event;
      call(N.dispatchEvent, node, ev);
    }
  };

  const schedule = () => {
    if (!node) return;
    const now = N.now();
    if (scheduled && now - scheduledAt < LOST_TIMER) return;
    scheduled = true;
    scheduledAt = now;
    const wait = lastFlush + FLUSH_INTERVAL - now;
    if (wait <= 0 || leaving) N.queueMicrotask(flush);
    else N.setTimeout(flush, wait);
  };

  call(N.addEventListener, N.global, 'pagehide', () => {
    leaving = true;
    flush();
  }, true);
  // Back from the back/forward cache: a live document again.
  call(N.addEventListener, N.global, 'pageshow', () => {
    leaving = false;
  }, true);

  const connect = (target: EventTarget) => {
    if (node) return;
    node = target;
    schedule();
  };

  const doc = N.document;
  if (doc) {
    // Hook first: announce the private node; bridge first: it is listening and answers at once.
    const privateNode = call<Element>(N.createElement!, doc, 'postscope-channel');
    const announce = () => {
      const init = N.create(null) as MouseEventInit;
      init.relatedTarget = privateNode;
      call(N.dispatchEvent, doc, N.construct(N.MouseEvent, [HANDSHAKE_EVENT, init]));
    };
    const onBridgeReady = () => announce();
    call(N.addEventListener, doc, BRIDGE_READY_EVENT, onBridgeReady, true);
    // The bridge acknowledges on the private node; from then on the document listener is gone.
    const onAck = () => {
      call(N.removeEventListener, doc, BRIDGE_READY_EVENT, onBridgeReady, true);
      call(N.removeEventListener, privateNode, 'ack', onAck);
      connect(privateNode);
    };
    call(N.addEventListener, privateNode, 'ack', onAck);
    announce();
  }

  return {
    key,
    emit(record) {
      const full = record as Wire;
      full.seq = seq++;
      full.t = N.timeOrigin + N.now();
      if (queue.length >= MAX_UNSENT) {
        dropped++;
        return;
      }
      call(N.ArrayPush, queue, full);
      if (queue.length >= LIMITS.batchRecords) flush();
      else schedule();
    },
    dropped: () => dropped,
    nextId: () => key + ':' + ids++,
  };
};

const makeKey = (): string => {
  let s = '';
  for (let i = 0; i < 12; i++) s += call<string>(N.NumberToString, N.floor(N.random() * 36), 36);
  return s;
};
