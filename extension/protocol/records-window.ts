import { arr, int, lit, nullable, obj, str } from './schema';
import { LIMITS } from './limits';
import { previewSchema } from './preview';
import { callSiteSchema, errorInfoSchema, header, idStr, methodSchema, transferItemSchema, urlStr, windowRefSchema } from './common';

/**
 * A `message`/`messageerror` event dispatched on this frame's window: recorded by the receiver for
 * every delivery, before any page listener runs.
 */
export const winRecvSchema = obj({
  ...header,
  k: lit('win-recv'),
  /** Unique per frame document: `<frame key>:<n>`. */
  msg: idStr(),
  type: lit('message', 'messageerror'),
  origin: urlStr(),
  source: windowRefSchema,
  data: previewSchema,
  /** Hook ids of the ports in `event.ports`. */
  ports: arr(idStr(), LIMITS.transfer),
  /** false for events the page built and dispatched itself. */
  trusted: lit(true, false),
});

/**
 * A `window.postMessage` call seen on the sending side: where the browser lets us see it without
 * changing the call's behaviour (see docs/coverage.md), or through the debugger in deep mode.
 */
export const winSendSchema = obj({
  ...header,
  k: lit('win-send'),
  msg: idStr(),
  method: methodSchema,
  target: windowRefSchema,
  /** targetOrigin exactly as given (after string conversion); null if not observable. */
  targetOrigin: nullable(str(LIMITS.url)),
  /** The recipient's origin at the time of the call, when readable. */
  recipientOrigin: nullable(urlStr()),
  /** The recipient was still on its initial about:blank document (a classic handshake race). */
  recipientInitialBlank: lit(true, false),
  transfer: arr(transferItemSchema, LIMITS.transfer),
  data: nullable(previewSchema),
  call: nullable(callSiteSchema),
  outcome: lit('delivered', 'dropped-mismatch', 'dropped-slash', 'threw', 'unknown'),
  error: nullable(errorInfoSchema),
});

/** A frame's hook announcing itself: what it is and where it sits in the tab's frame tree. */
export const frameInfoSchema = obj({
  ...header,
  k: lit('frame'),
  /** Random per document; names the frame in `msg` ids. */
  key: idStr(),
  url: urlStr(),
  origin: urlStr(),
  path: nullable(arr(int(0, 10_000), 64)),
  /** 'about:blank' initial documents, srcdoc, data:, blob:, sandboxed (opaque origin) frames. */
  flavor: lit('normal', 'about-blank', 'srcdoc', 'data', 'blob', 'opaque', 'other'),
  /** Did an opener exist when the document started. */
  hasOpener: lit(true, false),
  /** Native count: how many records this frame dropped because of its own limits. */
  dropped: int(),
  title: nullable(str(256)),
});

export const windowRecordSchemas = { 'win-recv': winRecvSchema, 'win-send': winSendSchema, frame: frameInfoSchema } as const;
