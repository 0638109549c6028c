// ISOLATED world, document_start, every frame. Receives the hook's batches over the private
// channel, validates them, and relays them to the background; keeps each batch until the
// background acknowledges it was stored, so a service worker that is stopped mid-way loses nothing.
import browser from 'webextension-polyfill';
import { BATCH_EVENT, BRIDGE_READY_EVENT, HANDSHAKE_EVENT } from './handshake';
import { hookBatchSchema, validate, LIMITS, PROTOCOL_VERSION, type BatchAck, type BridgeToBackground, type HookRecord } from '../../extension/protocol';

/** Batches waiting for an ack; beyond this the oldest is dropped and counted. */
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    malformed++;
    return;
  }
  const result = validate(hookBatchSchema, parsed);
  if (!result.ok) {
    malformed++;
    return;
  }
  enqueue(result.value.frame, result.value.records);
};

const enqueue = (frame: string, records: HookRecord[]) => {
  // While the background is away (a stopped service worker restarts in a second or more), a page
  // that posts often produces a batch per task: merge them into the newest waiting batch, never
  // into the one in flight, so the bound below counts up to MAX_PENDING full batches, not tasks.
  const last = pending[pending.length - 1];
  const lastInFlight = sending && pending.length === 1;
  if (last && !lastInFlight && last.frame === frame && last.records.length + records.length <= LIMITS.batchRecords) {
    last.records.push(...records);
    last.malformed += malformed;
    malformed = 0;
    return;
  }
  if (pending.length >= MAX_PENDING) {
    pending.shift();
    malformed++;
  }
  pending.push({ v: PROTOCOL_VERSION, type: 'batch', frame, records, malformed });
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
        ack = (await browser.runtime.sendMessage(batch)) as BatchAck | undefined;
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
