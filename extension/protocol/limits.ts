/** Protocol version: bumped whenever a message or record shape changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/**
 * Bounds on everything a page can make us carry. The hook enforces them when it builds records;
 * the bridge and the background enforce them again, because the page can forge anything the hook sends.
 */
export const LIMITS = {
  /** Longest string kept in a preview (characters); longer strings keep their length and a prefix. */
  previewString: 512,
  /** Deepest nesting kept in a preview. */
  previewDepth: 6,
  /** Most entries kept per object, array, map or set in a preview. */
  previewEntries: 50,
  /** Most nodes in one preview tree, across all depths. */
  previewNodes: 400,
  /** Longest URL, origin or other identifier string. */
  url: 2048,
  /** Longest stack or source excerpt. */
  text: 8192,
  /** Most records in one batch from a frame. */
  batchRecords: 500,
  /** Largest serialized batch, in characters (also the most the bridge puts in one message). */
  batchChars: 2_000_000,
  /** Most hook batches the bridge forwards in one message (batchChars bounds them too). */
  bridgeBatches: 8192,
  /** Records kept per tab while DevTools is closed (oldest dropped first). */
  tabHistory: 10_000,
  /** And at most this many serialized characters of them per tab (records with large previews). */
  tabHistoryBytes: 32 * 1024 * 1024,
  /** Most transfer list entries described per message. */
  transfer: 64,
} as const;

/** Most origin operations kept per listener run, and most arguments kept per operation. */
export const TRACE_LIMITS = { ops: 32, args: 3, value: 512 } as const;
