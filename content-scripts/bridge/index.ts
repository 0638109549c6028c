// ISOLATED world, document_start, every frame. Receives the hook's batches over the private
// channel and relays them to the background; keeps each batch until the background acknowledges
// it was stored, so a service worker that is stopped mid-way loses nothing (a document that goes
// away sends what waits at once: onPageHide).
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

/**
 * Characters waiting for an ack, at most: beyond this the oldest waiting messages are dropped and
 * each of their batches counted. A bound on characters, not on messages: a page whose messages each
 * arrive in their own task makes a one-record batch per message.
 */
const MAX_PENDING_CHARS = 16 * LIMITS.batchChars;

interface Waiting { message: BridgeToBackground; chars: number }

let node: EventTarget | null = null;
let malformed = 0;
const pending: Waiting[] = [];
let pendingChars = 0;
let sending = false;
let retryDelay = 50;
/** The document is being unloaded: nothing may wait for an ack any more. */
let leaving = false;

const onBatch = (event: Event) => {
  const detail = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > LIMITS.batchChars) {
    malformed++;
    return;
  }
  enqueue(detail);
};

const enqueue = (batch: string) => {
  if (leaving) {
    sendNow({ v: PROTOCOL_VERSION, type: 'batch', batches: [batch], malformed });
    malformed = 0;
    return;
  }
  // While a message is in flight (or the background is away: a stopped service worker restarts in
  // a second or more), new batches join the newest waiting message, never the one in flight.
  const last = pending[pending.length - 1];
  const lastInFlight = sending && pending.length === 1;
  pendingChars += batch.length;
  if (last && !lastInFlight && last.message.batches.length < LIMITS.bridgeBatches && last.chars + batch.length <= LIMITS.batchChars) {
    last.message.batches.push(batch);
    last.chars += batch.length;
    last.message.malformed += malformed;
    malformed = 0;
  } else {
    pending.push({ message: { v: PROTOCOL_VERSION, type: 'batch', batches: [batch], malformed }, chars: batch.length });
    malformed = 0;
  }
  // Never the one in flight: it may already be stored.
  while (pendingChars > MAX_PENDING_CHARS && pending.length > (sending ? 2 : 1)) {
    const dropped = pending.splice(sending ? 1 : 0, 1)[0];
    pendingChars -= dropped.chars;
    malformed += dropped.message.batches.length + dropped.message.malformed;
  }
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
        ack = (await runtime.sendMessage(batch.message)) as BatchAck | undefined;
      } catch {
        ack = undefined;
      }
      if (ack) {
        // Stored, or refused as malformed (retrying cannot help): either way it is done.
        pending.shift();
        pendingChars -= batch.chars;
        if (ack.ok) retryDelay = 50;
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

/** Sent without waiting for an ack: the document will not be there to receive it, or to retry. */
const sendNow = (message: BridgeToBackground) => {
  runtime.sendMessage(message).catch(() => undefined);
};

// A document that goes away (frame removed, navigated, closed) would take its waiting batches with
// it: on pagehide everything not yet in flight is sent at once, and so is whatever the hook still
// hands over (the page's own pagehide and unload handlers may post). Back from the back/forward
// cache, batches wait for their ack again.
const onPageHide = () => {
  leaving = true;
  const waiting = pending.splice(sending ? 1 : 0);
  for (const w of waiting) {
    pendingChars -= w.chars;
    sendNow(w.message);
  }
};
const onPageShow = () => {
  leaving = false;
};

const onHandshake = (event: Event) => {
  const related = (event as MouseEvent).relatedTarget;
  if (node || !related || !(related instanceof Element) || related.isConnected) return;
  node = related;
  document.removeEventListener(HANDSHAKE_EVENT, onHandshake, true);
  node.addEventListener(BATCH_EVENT, onBatch);
  node.dispatchEvent(new CustomEvent('ack'));
};

addEventListener('pagehide', onPageHide, true);
addEventListener('pageshow', onPageShow, true);
document.addEventListener(HANDSHAKE_EVENT, onHandshake, true);
document.dispatchEvent(new CustomEvent(BRIDGE_READY_EVENT));
