import { arr, bool, int, lit, nullable, num, obj, str } from './schema';
import { LIMITS } from './limits';

export const urlStr = () => str(LIMITS.url);
export const idStr = () => str(64);

/** Every record starts with these: a per-frame sequence number (gap detection, dedup) and a wall time. */
export const header = { seq: int(), t: num() } as const;

/** Where the page's caller was (never our wrapper): script URL, 1-based line and column. */
export const callSiteSchema = obj({ url: urlStr(), line: int(), col: int(), fn: str(256) });

/** An exception exactly as the page saw it. */
export const errorInfoSchema = obj({ name: str(128), message: str(LIMITS.text) });

/**
 * A window as seen from the frame that recorded it. `path` is the chain of `frames[i]` indices from
 * the tab's top window (the background maps it to a webNavigation frame id); null when the window
 * is outside this tab's frame tree (an opener or a popup) or could not be located.
 */
export const windowRefSchema = obj({
  rel: lit('self', 'parent', 'top', 'ancestor', 'child', 'descendant', 'frame', 'opener', 'popup', 'unknown'),
  path: nullable(arr(int(0, 10_000), 64)),
});

/** One entry of a transfer list and what became of it after the call. */
export const transferItemSchema = obj({
  kind: lit('port', 'arraybuffer', 'imagebitmap', 'offscreencanvas', 'readablestream', 'writablestream', 'transformstream', 'videoframe', 'audiodata', 'rtcdatachannel', 'other'),
  /** The hook's id for ports (and buffers it has seen before); null otherwise. */
  id: nullable(idStr()),
  /** Size before the call for buffers. */
  bytes: nullable(int()),
  /** Detached/neutered after the call, as far as the hook can observe. */
  after: lit('neutered', 'intact', 'unknown'),
});

/** Where a value came from: the hook's own runtime view, the debugger, or static analysis. */
export const methodSchema = lit('runtime', 'debugger', 'static');

export const flags = { trusted: bool() } as const;
