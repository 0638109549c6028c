import { LIMITS } from './limits';
import type { Preview } from './preview';

// The hook's compact form of a Preview, used only between the hook and the background. The hook
// builds it on the page's thread for every message, so it is made of what costs least to build and
// to serialize: JSON numbers, strings and booleans stand for themselves, everything else is an
// array tagged by its first element. On a flood of small port messages the object form was about
// 250 characters and a dozen allocations per message, this form about 50 characters and two. The
// background decodes it into a Preview (decodePreview) before validating the record, so storage,
// the panel, the CLI and saved sessions only ever see Preview.

/** A finite number other than -0 stands for itself; a string of at most LIMITS.previewString characters too. */
export type WirePreview =
  | number
  | string
  | boolean
  | readonly ['u']
  | readonly ['N']
  /** NaN, Infinity, -Infinity, -0 */
  | readonly ['n', string]
  | readonly ['i', string]
  /** A string cut to its prefix, with its full length. */
  | readonly ['s', string, number]
  /** cls, more, then key, value, key, value... */
  | readonly ['o', string, number, ...(string | WirePreview)[]]
  /** len, more, then the items. */
  | readonly ['a', number, number, ...WirePreview[]]
  /** size, more, then key, value, key, value... */
  | readonly ['m', number, number, ...WirePreview[]]
  /** size, more, then the items. */
  | readonly ['S', number, number, ...WirePreview[]]
  | readonly ['d', string]
  | readonly ['r', string]
  /** bytes, detached, shared */
  | readonly ['b', number, boolean, boolean]
  /** cls, len, bytes, then the items' text. */
  | readonly ['t', string, number, number, ...string[]]
  /** size, type, name, lastModified */
  | readonly ['B', number, string, string | null, number | null]
  | readonly ['e', string, string]
  | readonly ['p', string | null]
  | readonly ['P', string]
  | readonly ['g']
  | readonly ['f', string]
  | readonly ['y', string]
  | readonly ['R']
  | readonly ['c'];

type WithWireData<R> = R extends { data: infer D } ? Omit<R, 'data'> & { data: null extends D ? WirePreview | null : WirePreview } : R;

/**
 * Fields the hook leaves out of its most frequent records when they hold the usual value (a port
 * message sent without transfer, received without ports): a third of a port message's JSON. The
 * background puts them back (restoreDefaults) before validating.
 */
const DEFAULTS = {
  'port-send': () => ({ via: 'port', name: null, transfer: [], outcome: 'sent', error: null, call: null }),
  'port-recv': () => ({ via: 'port', name: null, type: 'message', ports: [] }),
} as const;
type Defaulted = { [K in keyof typeof DEFAULTS]: keyof ReturnType<(typeof DEFAULTS)[K]> };

/** A hook record as it travels: its `data`, if it has one, in wire form; usual values may be left out. */
export type OnWire<R> = R extends { k: infer K extends keyof Defaulted }
  ? Omit<WithWireData<R>, Defaulted[K]> & Partial<Pick<WithWireData<R>, Defaulted[K] & keyof WithWireData<R>>>
  : WithWireData<R>;

/** Deeper than the hook ever nests (previewDepth objects, then their leaves), with room to spare. */
const MAX_DEPTH = LIMITS.previewDepth + 4;

interface Budget { nodes: number }

/**
 * The Preview a wire value stands for, or null when it is not one the hook could have built: the
 * renderer is untrusted, so any shape, size or depth it was not meant to send is refused here, and
 * the record's schema checks the result again.
 */
export const decodePreview = (w: unknown): Preview | null => decode(w, 0, { nodes: LIMITS.previewNodes + 8 });

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number';
const isNullable = <T>(v: unknown, is: (v: unknown) => v is T): v is T | null => v === null || is(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

function decode(w: unknown, depth: number, budget: Budget): Preview | null {
  if (--budget.nodes < 0 || depth > MAX_DEPTH) return null;
  switch (typeof w) {
    case 'number': return { t: 'number', v: String(w) };
    case 'string': return { t: 'string', v: w, len: w.length };
    case 'boolean': return { t: 'boolean', v: w };
  }
  if (!Array.isArray(w) || w.length === 0) return null;
  const a: unknown[] = w;
  const n = a.length;
  switch (a[0]) {
    case 'u': return n === 1 ? { t: 'undefined' } : null;
    case 'N': return n === 1 ? { t: 'null' } : null;
    case 'g': return n === 1 ? { t: 'accessor' } : null;
    case 'R': return n === 1 ? { t: 'ref' } : null;
    case 'c': return n === 1 ? { t: 'cut' } : null;
    case 'n': return n === 2 && isStr(a[1]) ? { t: 'number', v: a[1] } : null;
    case 'i': return n === 2 && isStr(a[1]) ? { t: 'bigint', v: a[1] } : null;
    case 'd': return n === 2 && isStr(a[1]) ? { t: 'date', v: a[1] } : null;
    case 'r': return n === 2 && isStr(a[1]) ? { t: 'regexp', v: a[1] } : null;
    case 'P': return n === 2 && isStr(a[1]) ? { t: 'platform', cls: a[1] } : null;
    case 'f': return n === 2 && isStr(a[1]) ? { t: 'function', name: a[1] } : null;
    case 'y': return n === 2 && isStr(a[1]) ? { t: 'symbol', v: a[1] } : null;
    case 'p': return n === 2 && isNullable(a[1], isStr) ? { t: 'port', id: a[1] } : null;
    case 'e': return n === 3 && isStr(a[1]) && isStr(a[2]) ? { t: 'error', name: a[1], message: a[2] } : null;
    case 's': return n === 3 && isStr(a[1]) && isNum(a[2]) ? { t: 'string', v: a[1], len: a[2] } : null;
    case 'b': return n === 4 && isNum(a[1]) && isBool(a[2]) && isBool(a[3]) ? { t: 'arraybuffer', bytes: a[1], detached: a[2], shared: a[3] } : null;
    case 'B': return n === 5 && isNum(a[1]) && isStr(a[2]) && isNullable(a[3], isStr) && isNullable(a[4], isNum) ? { t: 'blob', size: a[1], type: a[2], name: a[3], lastModified: a[4] } : null;
    case 't': {
      if (n < 4 || !isStr(a[1]) || !isNum(a[2]) || !isNum(a[3]) || n - 4 > LIMITS.previewEntries) return null;
      const items = a.slice(4);
      return items.every(isStr) ? { t: 'typedarray', cls: a[1], len: a[2], bytes: a[3], items } : null;
    }
  }
  // Containers: a header of three, then at most previewEntries members (pairs for objects and maps).
  if (n < 3 || !isNum(a[2])) return null;
  const more = a[2];
  if (a[0] === 'o') return isStr(a[1]) ? decodeObject(a, a[1], more, depth, budget) : null;
  if (!isNum(a[1])) return null;
  const size = a[1];
  const members = n - 3;
  switch (a[0]) {
    case 'a':
    case 'S': {
      if (members > LIMITS.previewEntries) return null;
      const items = decodeAll(a, depth, budget);
      if (!items) return null;
      return a[0] === 'a' ? { t: 'array', len: size, items, more } : { t: 'set', size, items, more };
    }
    case 'm': {
      if (members % 2 !== 0 || members > 2 * LIMITS.previewEntries) return null;
      const all = decodeAll(a, depth, budget);
      if (!all) return null;
      const entries: [Preview, Preview][] = [];
      for (let i = 0; i < all.length; i += 2) entries.push([all[i], all[i + 1]]);
      return { t: 'map', size, entries, more };
    }
  }
  return null;
}

function decodeAll(a: unknown[], depth: number, budget: Budget): Preview[] | null {
  const out: Preview[] = [];
  for (let i = 3; i < a.length; i++) {
    const p = decode(a[i], depth + 1, budget);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

function decodeObject(a: unknown[], cls: string, more: number, depth: number, budget: Budget): Preview | null {
  const members = a.length - 3;
  if (members % 2 !== 0 || members > 2 * LIMITS.previewEntries) return null;
  const entries: [string, Preview][] = [];
  for (let i = 3; i < a.length; i += 2) {
    const key = a[i];
    const value = decode(a[i + 1], depth + 1, budget);
    if (!isStr(key) || !value) return null;
    entries.push([key, value]);
  }
  return { t: 'object', cls, entries, more };
}

/**
 * Turns, in place, every record of a parsed hook batch back into its full form: left-out fields get
 * their usual value, `data` is decoded. A value that is not a wire preview becomes undefined, which
 * the batch's schema then refuses like any other malformed field.
 */
export const decodeBatch = (batch: unknown): void => {
  if (typeof batch !== 'object' || batch === null) return;
  const records = (batch as { records?: unknown }).records;
  if (!Array.isArray(records) || records.length > LIMITS.batchRecords) return;
  for (const r of records) {
    if (typeof r !== 'object' || r === null) continue;
    const rec = r as Record<string, unknown>;
    const k = rec.k;
    if (k === 'port-send' || k === 'port-recv') {
      const defaults: Record<string, unknown> = DEFAULTS[k]();
      for (const key in defaults) if (!Object.hasOwn(rec, key)) rec[key] = defaults[key];
    }
    if (Object.hasOwn(rec, 'data') && rec.data !== null) rec.data = decodePreview(rec.data) ?? undefined;
  }
};
