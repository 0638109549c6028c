import type { FrameNode } from '../../extension/protocol';

type Ref = { rel: string; path: number[] | null };

/** "top", or the frame's frames[] path from the top, with its origin. */
export const frameLabel = (frames: FrameNode[], frameId: number): string => {
  // -1: a record no frame's hook made (deep mode learns drops through the debugger, not from a frame).
  if (frameId < 0) return 'unknown frame';
  const f = frames.find((x) => x.frameId === frameId && !x.gone) ?? frames.find((x) => x.frameId === frameId);
  if (!f) return `frame ${frameId}`;
  const where = frameId === 0 ? 'top' : f.path ? `frames[${f.path.join('][')}]` : `frame ${frameId}`;
  return f.origin ? `${where} (${f.origin})` : where;
};

/** The frame a hook's window reference names, as the recording frame saw it; unknown stays unknown. */
export const frameOfRef = (frames: FrameNode[], recorder: number, ref: Ref): string => {
  if (ref.rel === 'self') return frameLabel(frames, recorder);
  if (ref.path) {
    const f = frames.find((x) => !x.gone && x.path && x.path.length === ref.path!.length && x.path.every((v, i) => v === ref.path![i]));
    if (f) return frameLabel(frames, f.frameId);
    return ref.path.length === 0 ? 'top' : `frames[${ref.path.join('][')}]`;
  }
  return ref.rel === 'unknown' ? 'unknown' : ref.rel;
};
