import { arr, lit, nullable, obj, str } from './schema';
import { LIMITS } from './limits';
import { previewSchema } from './preview';
import { callSiteSchema, errorInfoSchema, header, idStr, transferItemSchema } from './common';

// Channel messaging records (MessageChannel, MessagePort, workers, BroadcastChannel). Port ids are
// per port *object*; the model links an object that was transferred to the object that arrived.

export const channelSchema = obj({ ...header, k: lit('channel'), ch: idStr(), port1: idStr(), port2: idStr(), call: nullable(callSiteSchema) });

export const portSeenSchema = obj({
  ...header,
  k: lit('port-seen'),
  port: idStr(),
  /** How this port object came to exist in this context. */
  via: lit('channel', 'received', 'worker', 'shared-worker', 'service-worker', 'broadcast', 'unknown'),
  /** The message that carried it in, for ports received in port or worker messages. */
  msg: nullable(idStr()),
  /** BroadcastChannel name, worker script URL. */
  name: nullable(str(LIMITS.url)),
});

export const portStateSchema = obj({
  ...header,
  k: lit('port-state'),
  port: idStr(),
  state: lit('started', 'closed', 'collected'),
  how: lit('start', 'onmessage', 'close', 'gc'),
});

export const portSendSchema = obj({
  ...header,
  k: lit('port-send'),
  msg: idStr(),
  /** The sending object: a MessagePort, Worker, DedicatedWorkerGlobalScope, ServiceWorker, BroadcastChannel. */
  via: lit('port', 'worker', 'service-worker', 'broadcast', 'client'),
  port: idStr(),
  /** BroadcastChannel name, worker script URL. */
  name: nullable(str(LIMITS.url)),
  data: nullable(previewSchema),
  transfer: arr(transferItemSchema, LIMITS.transfer),
  outcome: lit('sent', 'lost-closed', 'lost-neutered', 'lost-unentangled', 'doomed', 'threw'),
  error: nullable(errorInfoSchema),
  call: nullable(callSiteSchema),
});

export const portRecvSchema = obj({
  ...header,
  k: lit('port-recv'),
  msg: idStr(),
  via: lit('port', 'worker', 'service-worker', 'broadcast', 'client'),
  port: idStr(),
  name: nullable(str(LIMITS.url)),
  type: lit('message', 'messageerror'),
  data: previewSchema,
  ports: arr(idStr(), LIMITS.transfer),
});

export const portRecordSchemas = {
  channel: channelSchema,
  'port-seen': portSeenSchema,
  'port-state': portStateSchema,
  'port-send': portSendSchema,
  'port-recv': portRecvSchema,
} as const;
