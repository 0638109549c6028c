import { arr, bool, int, lit, nullable, obj, str, tagged, type Infer } from './schema';
import { LIMITS, PROTOCOL_VERSION } from './limits';
import { hookRecordSchema } from './records';
import { idStr, urlStr } from './common';

// Every message between the hook, the bridge, the background and the panel, named by direction.
// Each direction is a union keyed on `type`, carries the protocol version, and has a guard that
// the receiving side runs before it trusts anything.

const v = lit(PROTOCOL_VERSION);

/** Hook -> bridge: a batch of records, serialized by the hook (a string crosses worlds the same way in Chrome and Firefox). */
export const hookBatchSchema = obj({
  v,
  type: lit('batch'),
  /** The hook's random key for this document. */
  frame: idStr(),
  records: arr(hookRecordSchema, LIMITS.batchRecords),
});
export type HookToBridge = Infer<typeof hookBatchSchema>;

/** Bridge -> background: the validated batch; the background answers with an ack once it is stored. */
export const bridgeToBackgroundSchema = tagged('type', {
  batch: obj({ v, type: lit('batch'), frame: idStr(), records: arr(hookRecordSchema, LIMITS.batchRecords), malformed: int() }),
});
export type BridgeToBackground = Infer<typeof bridgeToBackgroundSchema>;
export type BatchAck = { ok: true; stored: number } | { ok: false; error: string };

/** A record as the background stores it: attributed to the frame the browser says sent it. */
export const entrySchema = obj({
  /**
   * webNavigation frame id from the message sender (0 = top); trustworthy, unlike anything in `rec`.
   * -1 for records that no frame's hook made (deep mode: learnt through the debugger, where the
   * sending frame is not known; the record's call site says where the code was).
   */
  frameId: int(-1),
  /** Chrome's documentId when available; distinguishes documents that reused a frame. */
  doc: nullable(str(64)),
  /** The hook's key for the document that recorded it (unique per document, page-chosen). */
  key: idStr(),
  rec: hookRecordSchema,
});
export type Entry = Infer<typeof entrySchema>;

export const frameNodeSchema = obj({
  frameId: int(),
  parentFrameId: int(-1),
  url: urlStr(),
  origin: nullable(urlStr()),
  /** The hook's key for the current document, once its first batch arrived. */
  key: nullable(idStr()),
  path: nullable(arr(int(0, 10_000), 64)),
  flavor: nullable(str(32)),
  /** Removed from the tab, or replaced by a navigation of the top frame. */
  gone: bool(),
  /** How many documents this frame has shown. */
  navigations: int(),
});
export type FrameNode = Infer<typeof frameNodeSchema>;

export const statsSchema = obj({ malformed: int(), evicted: int(), stored: int() });
export type Stats = Infer<typeof statsSchema>;

/** Background -> panel. */
export const backgroundToPanelSchema = tagged('type', {
  /** Everything kept for the tab; sent when the panel subscribes (also after a worker restart). */
  history: obj({ v, type: lit('history'), tabId: int(), entries: arr(entrySchema, LIMITS.tabHistory), frames: arr(frameNodeSchema, 5_000), stats: statsSchema }),
  entries: obj({ v, type: lit('entries'), tabId: int(), entries: arr(entrySchema, LIMITS.batchRecords) }),
  frames: obj({ v, type: lit('frames'), tabId: int(), frames: arr(frameNodeSchema, 5_000) }),
  stats: obj({ v, type: lit('stats'), tabId: int(), stats: statsSchema }),
  /** The top frame committed a new document. */
  navigated: obj({ v, type: lit('navigated'), tabId: int(), url: urlStr() }),
  /** Deep mode (chrome.debugger) state for the tab; `error` says why it is off when it failed. */
  deep: obj({ v, type: lit('deep'), tabId: int(), on: bool(), error: nullable(str(LIMITS.text)) }),
});
export type BackgroundToPanel = Infer<typeof backgroundToPanelSchema>;

/** Panel -> background. */
export const panelToBackgroundSchema = tagged('type', {
  subscribe: obj({ v, type: lit('subscribe'), tabId: int() }),
  clear: obj({ v, type: lit('clear'), tabId: int() }),
  /** Turn deep mode on or off (the panel has already obtained the optional debugger permission). */
  deep: obj({ v, type: lit('deep'), tabId: int(), on: bool() }),
});
export type PanelToBackground = Infer<typeof panelToBackgroundSchema>;

export { PROTOCOL_VERSION };
