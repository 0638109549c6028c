import type { FrameNode, RecordOf } from '../protocol';

// The tab's frame table, as a pure function of what the browser (webNavigation, message senders)
// and the hooks said. Browser facts (frame ids, parents, committed URLs) win over hook claims; the
// hook adds what only it knows (its key, origin, frames[] path, document flavor).

export interface Committed { frameId: number; parentFrameId: number; url: string }

const upsert = (frames: FrameNode[], frameId: number, patch: (f: FrameNode) => FrameNode): FrameNode[] => {
  const i = frames.findIndex((f) => f.frameId === frameId);
  const base: FrameNode = i >= 0 ? frames[i] : { frameId, parentFrameId: frameId === 0 ? -1 : -1, url: '', origin: null, key: null, path: null, flavor: null, gone: false, navigations: 0 };
  const next = patch(base);
  return i >= 0 ? frames.map((f, j) => (j === i ? next : f)) : [...frames, next];
};

/** A document committed in a frame (webNavigation.onCommitted); a new top document retires every other frame. */
export const committed = (frames: FrameNode[], c: Committed): FrameNode[] => {
  const base = c.frameId === 0 ? frames.map((f) => (f.frameId === 0 ? f : { ...f, gone: true })) : frames;
  return upsert(base, c.frameId, (f) => ({ ...f, parentFrameId: c.parentFrameId, url: c.url, key: null, origin: null, path: null, flavor: null, gone: false, navigations: f.navigations + 1 }));
};

/** A hook's self-description arrived from `frameId` (as the browser attributed the message). */
export const hookAnnounced = (frames: FrameNode[], frameId: number, parentFrameId: number | null, rec: RecordOf<'frame'>): FrameNode[] =>
  upsert(frames, frameId, (f) => ({
    ...f,
    parentFrameId: parentFrameId ?? f.parentFrameId,
    url: rec.url,
    origin: rec.origin,
    key: rec.key,
    path: rec.path,
    flavor: rec.flavor,
    gone: false,
    navigations: f.key === null || f.key === rec.key ? Math.max(f.navigations, 1) : f.navigations + 1,
  }));

/** Frames the browser no longer lists (removed iframes) are kept, marked gone. */
export const reconcile = (frames: FrameNode[], alive: Set<number>): FrameNode[] =>
  frames.map((f) => (alive.has(f.frameId) || f.gone ? f : { ...f, gone: true }));

/** The frame whose hook reported `path` (frames[] indices from the top), among live frames. */
export const frameByPath = (frames: FrameNode[], path: number[] | null): FrameNode | null => {
  if (!path) return null;
  return frames.find((f) => !f.gone && f.path !== null && f.path.length === path.length && f.path.every((x, i) => x === path[i])) ?? null;
};
