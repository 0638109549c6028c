import { lit, nullable, obj, str } from './schema';
import { LIMITS } from './limits';
import { callSiteSchema, header, idStr } from './common';

// Listener records: who is registered to receive messages, and what each listener did with a message.

export const listenerAddSchema = obj({
  ...header,
  k: lit('listener-add'),
  listener: idStr(),
  /** The hook id of the target: 'window', or a port/worker/broadcast id. */
  target: idStr(),
  type: lit('message', 'messageerror'),
  how: lit('addEventListener', 'onmessage', 'onmessageerror'),
  /** Where the function was defined, when the engine says. */
  defined: nullable(callSiteSchema),
  source: nullable(str(LIMITS.text)),
  name: str(256),
});

export const listenerRemoveSchema = obj({ ...header, k: lit('listener-remove'), listener: idStr() });

export const listenerRecordSchemas = { 'listener-add': listenerAddSchema, 'listener-remove': listenerRemoveSchema } as const;
