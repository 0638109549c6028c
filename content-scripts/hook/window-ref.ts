import { N, call } from './natives';

// Locates a WindowProxy in the tab's frame tree as a path of frames[i] indices from the top.
// Only attributes that cross-origin access allows are used (parent, top, opener, length and
// indexed child access), through getters captured from this realm, so page overrides of
// `window.parent` or `window.length` are never consulted.

export type WindowRel = 'self' | 'parent' | 'top' | 'ancestor' | 'child' | 'descendant' | 'frame' | 'opener' | 'popup' | 'unknown';
export interface WindowRef { rel: WindowRel; path: number[] | null }

/** Most windows visited when searching the tree for one window (a bound against hostile trees). */
const MAX_VISIT = 2000;

const get = (getter: ((this: unknown) => unknown) | null, w: unknown): unknown => {
  if (!getter) return null;
  try {
    return N.apply(getter, w, []);
  } catch {
    return null;
  }
};
const parentOf = (w: unknown) => get(N.WindowParent, w);
const lengthOf = (w: unknown): number => {
  const n = get(N.WindowLength, w);
  return typeof n === 'number' ? n : 0;
};
const childAt = (w: unknown, i: number): unknown => {
  try {
    return (w as Record<number, unknown>)[i];
  } catch {
    return null;
  }
};

/** Whether `w` is its tab's (or popup's) top window: no parent, or its own. */
export const isTop = (w: unknown): boolean => {
  const parent = parentOf(w);
  return !parent || parent === w;
};

/** Path of `w` from its top window, by finding it among its parent's children at each level. */
export const pathOf = (w: unknown): number[] | null => {
  const path: number[] = [];
  let cur = w;
  for (let depth = 0; depth < 64; depth++) {
    const parent = parentOf(cur);
    if (!parent || parent === cur) return path;
    const n = lengthOf(parent);
    let found = -1;
    for (let i = 0; i < n; i++) {
      if (childAt(parent, i) === cur) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    call(N.ArrayPush, path, 0);
    for (let j = path.length - 1; j > 0; j--) path[j] = path[j - 1];
    path[0] = found;
    cur = parent;
  }
  return null;
};

/**
 * This window's own path, kept between messages: finding it scans every sibling at every level
 * (cross-origin indexed access, the hook's main cost at page load), while checking that a known
 * path still leads here costs one access per level. Frames are reordered rarely; then it is
 * recomputed.
 */
let ownPath: { w: unknown; path: number[] | null } | null = null;
/** Told of a newly found path of this window (frame-info.ts announces it, if it has not yet). */
let onFound: ((path: number[]) => void) | null = null;
export const whenPathFound = (fn: (path: number[]) => void): void => {
  onFound = fn;
};
export const pathOfSelf = (self: unknown): number[] | null => {
  if (ownPath && ownPath.w === self && ownPath.path && stillLeadsTo(self, ownPath.path)) return ownPath.path;
  ownPath = { w: self, path: pathOf(self) };
  if (ownPath.path && onFound) onFound(ownPath.path);
  return ownPath.path;
};

const stillLeadsTo = (w: unknown, path: number[]): boolean => {
  let cur = w;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = parentOf(cur);
    if (!parent || parent === cur || childAt(parent, path[i]) !== cur) return false;
    cur = parent;
  }
  const top = parentOf(cur);
  return !top || top === cur;
};

// Plain loops over the hook's own arrays: Array.prototype methods are the page's to replace.
const prefix = (a: number[], n: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
};
const isPrefix = (a: number[], b: number[]) => {
  if (a.length >= b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Describes `target` relative to `self` (the window whose hook records). */
export const describeWindow = (self: Window, target: unknown): WindowRef => {
  if (target === null || target === undefined) return { rel: 'unknown', path: null };
  if (target === self) return { rel: 'self', path: pathOfSelf(self) };
  const mine = pathOfSelf(self);
  // The parent first: the most common other end, and `top` is one more cross-process read.
  if (target === parentOf(self)) return { rel: 'parent', path: mine ? prefix(mine, mine.length - 1) : null };
  const top = get(N.WindowTop, self);
  if (target === top) return { rel: 'top', path: [] };
  const found = top ? findInTree(top, target) : null;
  if (found) {
    if (mine && isPrefix(found, mine)) return { rel: 'ancestor', path: found };
    if (mine && isPrefix(mine, found)) return { rel: found.length === mine.length + 1 ? 'child' : 'descendant', path: found };
    return { rel: 'frame', path: found };
  }
  if (target === get(N.WindowOpener, self)) return { rel: 'opener', path: null };
  // `opener` is one of the attributes cross-origin access allows, so a window this one opened is
  // recognised whatever its origin (a popup's frames stay unknown: they are outside this tab).
  if (get(N.WindowOpener, target) === self) return { rel: 'popup', path: null };
  return { rel: 'unknown', path: null };
};

/** Breadth-first search of the frame tree under `root` for `target`. */
const findInTree = (root: unknown, target: unknown): number[] | null => {
  const queue: [unknown, number[]][] = [[root, []]];
  let visited = 0;
  for (let qi = 0; qi < queue.length && visited < MAX_VISIT; qi++) {
    const [w, path] = queue[qi];
    const n = lengthOf(w);
    for (let i = 0; i < n && visited < MAX_VISIT; i++, visited++) {
      const child = childAt(w, i);
      const childPath = prefix(path, path.length);
      childPath[path.length] = i;
      if (child === target) return childPath;
      call(N.ArrayPush, queue, [child, childPath]);
    }
  }
  return null;
};
