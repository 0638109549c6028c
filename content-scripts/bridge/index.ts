// ISOLATED world, document_start, every frame. Receives the hook's batches over the private
// channel and relays them to the background; keeps each batch until the background acknowledges
// it was stored, so a service worker that is stopped mid-way loses nothing.
//
// The bridge checks each batch's type and size only, and forwards the hook's JSON text as it is:
// the background parses and validates every record's shape, which it must do anyway (a renderer
// cannot be trusted), and does it off the page's thread. Parsing and validating here cost about a
// third of the page's time on a MessagePort loop (measured with the sampling profiler).
import { BATCH_EVENT, BRIDGE_READY_EVENT, HANDSHAKE_EVENT } from './handshake';
import { LIMITS, PROTOCOL_VERSION } from '../../extension/protocol/limits';
import type { BatchAck, BridgeToBackground } from '../../extension/protocol';

/**
 * The one extension API the bridge uses, without webextension-polyfill: the bridge runs in every
 * frame at document_start, and the polyfill's setup was most of its load-time cost. Firefox has
 * the promise-based `browser`; Chrome's MV3 `chrome.runtime.sendMessage` returns a promise too.
 */
const runtime: { sendMessage(message: unknown): Promise<unknown> } = (globalThis as { browser?: { runtime: typeof chrome.runtime } }).browser?.runtime ?? chrome.runtime;

/** Messages waiting for an ack; beyond this the oldest is dropped and counted. */
const MAX_PENDING = 200;

let node: EventTarget | null = null;
let malformed = 0;
const pending: BridgeToBackground[] = [];
let sending = false;
let retryDelay = 50;

const onBatch = (event: Event) => {
  const detail = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > LIMITS.batchChars) {
    malformed++;
    return;
  }
  enqueue(detail);
};

const size = (m: BridgeToBackground) => m.batches.reduce((n, b) => n + b.length, 0);

const enqueue = (batch: string) => {
  // While a message is in flight (or the background is away: a stopped service worker restarts in
  // a second or more), a page that posts often produces a batch per task: add them to the newest
  // waiting message, never to the one in flight, so the bound below counts full messages, not tasks.
  const last = pending[pending.length - 1];
  const lastInFlight = sending && pending.length === 1;
  if (last && !lastInFlight && last.batches.length < LIMITS.bridgeBatches && size(last) + batch.length <= LIMITS.batchChars) {
    last.batches.push(batch);
    last.malformed += malformed;
    malformed = 0;
    return;
  }
  if (pending.length >= MAX_PENDING) {
    pending.shift();
    malformed++;
  }
  pending.push({ v: PROTOCOL_VERSION, type: 'batch', batches: [batch], malformed });
  malformed = 0;
  void pump();
};

const pump = async () => {
  if (sending) return;
  sending = true;
  try {
    while (pending.length > 0) {
      const batch = pending[0];
      let ack: BatchAck | undefined;
      try {
        ack = (await runtime.sendMessage(batch)) as BatchAck | undefined;
      } catch {
        ack = undefined;
      }
      if (ack && ack.ok) {
        pending.shift();
        retryDelay = 50;
      } else if (ack && !ack.ok) {
        // The background refused the batch as malformed: retrying cannot help.
        pending.shift();
      } else {
        // The service worker was stopped or is restarting: try again shortly, in order.
        await new Promise((r) => setTimeout(r, retryDelay));
        retryDelay = Math.min(retryDelay * 2, 2000);
      }
    }
  } finally {
    sending = false;
  }
};

const onHandshake = (event: Event) => {
  const related = (event as MouseEvent).relatedTarget;
  if (node || !related || !(related instanceof Element) || related.isConnected) return;
  node = related;
  document.removeEventListener(HANDSHAKE_EVENT, onHandshake, true);
  node.addEventListener(BATCH_EVENT, onBatch);
  node.dispatchEvent(new CustomEvent('ack'));
};

document.addEventListener(HANDSHAKE_EVENT, onHandshake, true);
document.dispatchEvent(new CustomEvent(BRIDGE_READY_EVENT));
