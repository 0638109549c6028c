// Names shared by the hook (MAIN world) and the bridge (ISOLATED world) for their private channel.
// The handshake runs at document_start, before any page script, on `document`; afterwards all
// traffic goes through events on a detached element only the two scripts hold, so no page listener
// ever sees it and the page cannot inject into it.

/** Dispatched by the hook on `document` as a MouseEvent whose relatedTarget is the private node. */
export const HANDSHAKE_EVENT = 'postscope-handshake-v1';
/** Dispatched by the bridge on `document` when it starts, in case the hook ran first. */
export const BRIDGE_READY_EVENT = 'postscope-bridge-ready-v1';
/** Hook -> bridge batches, as CustomEvents on the private node with a JSON string detail. */
export const BATCH_EVENT = 'b';
