import { arr, bool, int, lit, nullable, obj, optional, str } from './schema';
import { LIMITS, TRACE_LIMITS } from './limits';
import { callSiteSchema, header, idStr, urlStr } from './common';

// Listener records: who is registered to receive messages, and what each listener did with a message.


export const listenerAddSchema = obj({
  ...header,
  k: lit('listener-add'),
  listener: idStr(),
  /** The hook id of the target: 'window', or a port/worker/broadcast id. */
  target: idStr(),
  targetKind: lit('window', 'port', 'worker', 'broadcast', 'service-worker', 'other'),
  type: lit('message', 'messageerror'),
  how: lit('addEventListener', 'onmessage', 'onmessageerror'),
  capture: bool(),
  once: bool(),
  passive: nullable(bool()),
  signal: bool(),
  /** The callback is an object whose `handleEvent` is looked up at each dispatch. */
  handleEvent: bool(),
  /** Where the page registered it (the addEventListener call or the onmessage assignment). */
  call: nullable(callSiteSchema),
  /** Where the function was defined, when the engine says. */
  defined: nullable(callSiteSchema),
  /** The function's source text (Function.prototype.toString), of the unwrapped handler. */
  source: nullable(str(LIMITS.text)),
  /** The full length of that text when `source` was cut to LIMITS.text. */
  sourceLength: optional(int()),
  name: str(256),
  /** A library wrapper that was looked through to find the real handler ('sentry', 'newrelic', 'zone'). */
  unwrapped: nullable(str(64)),
});

export const listenerRemoveSchema = obj({
  ...header,
  k: lit('listener-remove'),
  listener: idStr(),
  why: lit('removeEventListener', 'once', 'signal', 'replaced', 'cleared'),
});

/** One operation a listener applied to the origin (or a string derived from it) while it ran. */
export const originOpSchema = obj({
  /** 'String.indexOf', 'RegExp.test', 'Array.includes', 'Set.has', 'URL.hostname'... */
  op: str(32),
  /** Which traced value took part: 'origin', 'origin.hostname', 'origin.toLowerCase'... */
  on: str(64),
  /** Whether the traced value was the receiver or an argument. */
  role: lit('this', 'arg'),
  /** The receiver, described as text: a string, a RegExp literal, a JSON-ish list. */
  recv: str(TRACE_LIMITS.value + 64),
  args: arr(str(TRACE_LIMITS.value + 64), TRACE_LIMITS.args),
  result: str(TRACE_LIMITS.value + 64),
  /** The listener had read event.data before this operation. */
  afterData: bool(),
});

/** One call of a traced listener for one event. */
export const listenerRunSchema = obj({
  ...header,
  k: lit('listener-run'),
  listener: idStr(),
  type: lit('message', 'messageerror'),
  /** event.origin of the event (read through the native getter, invisible to the page). */
  origin: nullable(urlStr()),
  /** The order in which the listener first read origin, source and data. */
  reads: arr(lit('origin', 'source', 'data'), 3),
  ops: arr(originOpSchema, TRACE_LIMITS.ops),
  /** Operations beyond TRACE_LIMITS.ops. */
  opsDropped: int(),
  threw: bool(),
});

/**
 * The real handlers behind a library's dispatcher (Zone.js's shared callback, jQuery's
 * `elemData.handle`), found in the library's own handler list after it registered the dispatcher.
 */
export const listenerSourceSchema = obj({
  ...header,
  k: lit('listener-source'),
  listener: idStr(),
  lib: lit('zone', 'jquery'),
  handlers: arr(obj({ source: nullable(str(LIMITS.text)), name: str(256) }), 8),
  /** Handlers beyond the 8 described. */
  more: int(),
});

export const listenerRecordSchemas = {
  'listener-add': listenerAddSchema,
  'listener-remove': listenerRemoveSchema,
  'listener-run': listenerRunSchema,
  'listener-source': listenerSourceSchema,
} as const;
