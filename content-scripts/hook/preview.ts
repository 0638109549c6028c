import { N, call } from './natives';
import { LIMITS } from '../../extension/protocol/limits';
import type { WirePreview } from '../../extension/protocol/wire-preview';

// Builds a bounded, type-accurate preview of a value, in the compact wire form the background
// decodes (extension/protocol/wire-preview.ts). It reads objects only through property
// descriptors and brand-checking native getters, so it never runs a page getter, setter or
// Proxy trap: an accessor is shown as an accessor instead of being called. Callers only
// hand it values the browser has just cloned or serialized (a Proxy cannot be cloned, so none
// reaches here through data properties).

export type PortIdOf = (value: object) => string | null;

/** `exact`: the value holds only plain objects, arrays and primitives, and no accessor, so its structured clone previews the same. */
interface Budget { nodes: number; exact: boolean }

/** Writes into `out`, when given, whether the preview is exact (see Budget) and how many nodes it has. */
export const preview = (value: unknown, portIdOf: PortIdOf = () => null, out?: { exact: boolean; nodes: number }): WirePreview => {
  const budget: Budget = { nodes: LIMITS.previewNodes, exact: true };
  const p = walk(value, 0, budget, new N.Set<object>(), portIdOf);
  if (out) {
    out.exact = budget.exact;
    out.nodes = LIMITS.previewNodes - budget.nodes;
  }
  return p;
};

// Shared, never mutated: the values without content cost no allocation.
export const UNDEFINED: WirePreview = ['u'];
const NULL: WirePreview = ['N'];
const ACCESSOR: WirePreview = ['g'];
const REF: WirePreview = ['R'];
const CUT: WirePreview = ['c'];

/** JSON keeps finite numbers exactly; NaN, the infinities and -0 travel as text. */
const num = (v: number): WirePreview => (v - v === 0 && !N.ObjectIs(v, -0) ? v : ['n', N.ObjectIs(v, -0) ? '-0' : call<string>(N.NumberToString, v)]);

const str = (v: string): WirePreview => (v.length > LIMITS.previewString ? ['s', call<string>(N.StringSlice, v, 0, LIMITS.previewString), v.length] : v);

/** Runs a brand-checking native getter: its result, or `fail` when `value` lacks the brand. */
const brand = <T>(getter: ((this: unknown) => unknown) | null, value: object, fail: T): unknown => {
  if (!getter) return fail;
  try {
    return N.apply(getter, value, []);
  } catch {
    return fail;
  }
};

const NO = {};

// What an object is, decided by its prototype first: brand-checking getters throw a TypeError for
// objects without the brand, and with one throw per check every plain object cost several
// exceptions (about three quarters of the hook's time on a port-message loop). The prototypes are
// this realm's, read when the hook is evaluated at document_start; received data is always built on
// them. A prototype only picks which single brand check to run (an object can borrow a prototype);
// objects from other realms or subclasses fall back to trying every check.
type Kind = 'plain' | 'map' | 'set' | 'date' | 'regexp' | 'buffer' | 'shared' | 'typed' | 'view' | 'blob' | 'error' | 'port';
const protoKinds = new N.Map<object | null, Kind>();
call(N.MapSet, protoKinds, null, 'plain');
const kindOf = (ctor: { prototype: object } | undefined, kind: Kind) => {
  if (ctor) call(N.MapSet, protoKinds, ctor.prototype, kind);
};
kindOf(Object, 'plain');
kindOf(Map, 'map');
kindOf(Set, 'set');
kindOf(Date, 'date');
kindOf(RegExp, 'regexp');
kindOf(ArrayBuffer, 'buffer');
kindOf(typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined, 'shared');
for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) kindOf(T, 'typed');
kindOf(DataView, 'view');
kindOf(Blob, 'blob');
kindOf(typeof File === 'function' ? File : undefined, 'blob');
for (const E of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) kindOf(E, 'error');
kindOf(typeof DOMException === 'function' ? DOMException : undefined, 'error');
kindOf(typeof MessagePort === 'function' ? MessagePort : undefined, 'port');

function walk(value: unknown, depth: number, budget: Budget, seen: Set<object>, portIdOf: PortIdOf): WirePreview {
  budget.nodes--;
  switch (typeof value) {
    case 'undefined': return UNDEFINED;
    case 'boolean': return value;
    case 'number': return num(value);
    case 'bigint': return ['i', call<string>(N.BigIntToString, value)];
    case 'string': return str(value);
    case 'symbol':
      budget.exact = false;
      return ['y', call<string>(N.SymbolToString, value)];
    case 'function':
      budget.exact = false;
      return ['f', fnName(value)];
  }
  if (value === null) return NULL;
  const o = value as object;
  if (call<boolean>(N.SetHas, seen, o)) return REF;
  const array = N.isArray(o);
  const kind: Kind | undefined = array ? undefined : call(N.MapGet, protoKinds, N.getPrototypeOf(o));
  if (!array && kind !== 'plain') budget.exact = false;
  if (!array && kind !== 'plain' && kind !== 'map' && kind !== 'set') {
    const special = kind === undefined ? leaf(o, portIdOf) : knownLeaf(o, kind, portIdOf);
    if (special) return special;
  }
  if (depth >= LIMITS.previewDepth || budget.nodes <= 0) return CUT;
  call(N.SetAdd, seen, o);
  const child = (v: unknown) => (budget.nodes > 0 ? walk(v, depth + 1, budget, seen, portIdOf) : CUT);
  if (array) return arrayPreview(o, child, budget);
  if (kind === 'plain') return objectPreview(o, child, 'Object', budget);

  const mapSize = kind === undefined || kind === 'map' ? brand(N.MapSize, o, NO) : NO;
  if (mapSize !== NO) {
    const out: ['m', number, number, ...WirePreview[]] = ['m', mapSize as number, 0];
    let shown = 0;
    call(N.MapForEach, o, (v: unknown, k: unknown) => {
      if (shown >= LIMITS.previewEntries) return;
      shown++;
      call(N.ArrayPush, out, child(k), child(v));
    });
    out[2] = (mapSize as number) - shown;
    return out;
  }
  const setSize = kind === undefined || kind === 'set' ? brand(N.SetSize, o, NO) : NO;
  if (setSize !== NO) {
    const out: ['S', number, number, ...WirePreview[]] = ['S', setSize as number, 0];
    call(N.SetForEach, o, (v: unknown) => {
      if (out.length - 3 < LIMITS.previewEntries) call(N.ArrayPush, out, child(v));
    });
    out[2] = (setSize as number) - (out.length - 3);
    return out;
  }
  // Checked after maps and sets, whose prototypes carry a toStringTag too.
  const cls = platformClass(o);
  if (cls) return ['P', cls];
  return objectPreview(o, child, className(o), budget);
}

function arrayPreview(o: object, child: (v: unknown) => WirePreview, budget: Budget): WirePreview {
  const len = lengthOf(o);
  const n = N.min(len, LIMITS.previewEntries);
  const out: ['a', number, number, ...WirePreview[]] = ['a', len, len - n];
  for (let i = 0; i < n; i++) {
    const d = N.getOwnPropertyDescriptor(o, i);
    if (d && (d.get !== undefined || d.set !== undefined)) {
      budget.exact = false;
      call(N.ArrayPush, out, ACCESSOR);
    } else {
      // A hole reads through the prototype chain, as the receiver's copy will.
      call(N.ArrayPush, out, child(d ? d.value : dataValue(o, i)));
    }
  }
  return out;
}

/** Own enumerable string-keyed properties, through descriptors: accessors are never called. */
function objectPreview(o: object, child: (v: unknown) => WirePreview, cls: string, budget: Budget): WirePreview {
  const out: ['o', string, number, ...(string | WirePreview)[]] = ['o', cls, 0];
  const keys = N.ownKeys(o);
  let total = 0;
  let shown = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    const d = N.getOwnPropertyDescriptor(o, key);
    if (!d || !d.enumerable) continue;
    total++;
    if (shown >= LIMITS.previewEntries) continue;
    shown++;
    const keyText = key.length > LIMITS.previewString ? call<string>(N.StringSlice, key, 0, LIMITS.previewString) : key;
    const accessor = d.get !== undefined || d.set !== undefined;
    if (accessor) budget.exact = false;
    call(N.ArrayPush, out, keyText, accessor ? ACCESSOR : child(d.value));
  }
  out[2] = total - shown;
  return out;
}


const bufferLeaf = (o: object): WirePreview | null => {
  const bytes = brand(N.ArrayBufferByteLength, o, NO);
  if (bytes === NO) return null;
  const detached = N.ArrayBufferDetached ? (brand(N.ArrayBufferDetached, o, false) as boolean) : false;
  return ['b', bytes as number, detached, false];
};
const sharedLeaf = (o: object): WirePreview | null => {
  const bytes = brand(N.SharedArrayBufferByteLength, o, NO);
  return bytes === NO ? null : ['b', bytes as number, false, true];
};
const typedLeaf = (o: object): WirePreview | null => {
  // The toStringTag getter answers undefined, without throwing, for anything but a typed array.
  const tag = brand(N.TypedArrayTag, o, undefined);
  if (typeof tag !== 'string') return null;
  const len = brand(N.TypedArrayLength, o, 0) as number;
  const out: ['t', string, number, number, ...string[]] = ['t', tag, len, brand(N.TypedArrayByteLength, o, 0) as number];
  const n = N.min(len, LIMITS.previewEntries);
  for (let i = 0; i < n; i++) call(N.ArrayPush, out, N.String((o as Record<number, unknown>)[i]));
  return out;
};
const viewLeaf = (o: object): WirePreview | null => {
  const bytes = brand(N.DataViewByteLength, o, NO);
  return bytes === NO ? null : ['t', 'DataView', bytes as number, bytes as number];
};
const blobLeaf = (o: object): WirePreview | null => {
  const size = brand(N.BlobSize, o, NO);
  if (size === NO) return null;
  const name = brand(N.FileName, o, null) as string | null;
  const lastModified = brand(N.FileLastModified, o, null) as number | null;
  const type = brand(N.BlobType, o, '') as string;
  return ['B', size as number, call<string>(N.StringSlice, type, 0, 256), name === null ? null : call<string>(N.StringSlice, name, 0, LIMITS.previewString), lastModified];
};
const dateLeaf = (o: object): WirePreview | null => {
  const t = brand(N.DateGetTime as never, o, NO);
  if (t === NO) return null;
  return ['d', t === t ? call<string>(N.DateToISOString, o) : 'Invalid Date'];
};
const regexpLeaf = (o: object): WirePreview | null => {
  if (brand(N.RegExpSource, o, NO) === NO) return null;
  const text = call<string>(N.RegExpToString, o);
  return ['r', text.length > LIMITS.previewString ? call<string>(N.StringSlice, text, 0, LIMITS.previewString) : text];
};
const errorLeaf = (o: object): WirePreview | null => (isError(o) ? ['e', clip(dataValue(o, 'name'), 128), clip(dataValue(o, 'message'), LIMITS.previewString)] : null);

/** The leaf for an object whose prototype named its kind: one brand check, null if it fails. */
function knownLeaf(o: object, kind: Exclude<Kind, 'plain' | 'map' | 'set'>, portIdOf: PortIdOf): WirePreview | null {
  switch (kind) {
    case 'date': return dateLeaf(o);
    case 'regexp': return regexpLeaf(o);
    case 'buffer': return bufferLeaf(o);
    case 'shared': return sharedLeaf(o);
    case 'typed': return typedLeaf(o);
    case 'view': return viewLeaf(o);
    case 'blob': return blobLeaf(o);
    case 'error': return errorLeaf(o);
    case 'port': return portLeaf(o, portIdOf);
  }
}

/** Every port is shown as a port; its id is known when the hook has seen the object before. */
const portLeaf = (o: object, portIdOf: PortIdOf): WirePreview => ['p', portIdOf(o)];

/** An object of an unknown prototype (another realm, a subclass, a platform object): every check. */
function leaf(o: object, portIdOf: PortIdOf): WirePreview | null {
  const found = dateLeaf(o) ?? regexpLeaf(o) ?? bufferLeaf(o) ?? sharedLeaf(o) ?? typedLeaf(o) ?? viewLeaf(o) ?? blobLeaf(o);
  if (found !== null) return found;
  const port = portIdOf(o);
  if (port !== null) return ['p', port];
  return errorLeaf(o);
}

const clip = (v: unknown, max: number): string => (typeof v === 'string' ? call<string>(N.StringSlice, v, 0, max) : '');

/** A data property's value found on the object or its prototype chain; accessors are never called. */
function dataValue(o: object, key: PropertyKey): unknown {
  for (let cur: object | null = o, hops = 0; cur && hops < 32; cur = N.getPrototypeOf(cur), hops++) {
    const d = N.getOwnPropertyDescriptor(cur, key);
    if (d) return 'value' in d ? d.value : undefined;
  }
  return undefined;
}

const lengthOf = (a: object): number => {
  const d = N.getOwnPropertyDescriptor(a, 'length');
  return d && typeof d.value === 'number' ? d.value : 0;
};

/** The name of the constructor on the prototype, read through descriptors. */
function className(o: object): string {
  const proto = N.getPrototypeOf(o);
  if (proto === null) return 'Object';
  const ctor = N.getOwnPropertyDescriptor(proto, 'constructor');
  if (ctor && typeof ctor.value === 'function') return fnName(ctor.value) || 'Object';
  return 'Object';
}

function fnName(f: unknown): string {
  const d = N.getOwnPropertyDescriptor(f as object, 'name');
  return d && typeof d.value === 'string' ? call<string>(N.StringSlice, d.value, 0, 256) : '';
}

/** Errors keep their own brand ([[ErrorData]]); structured clone recreates them as errors. */
function isError(o: object): boolean {
  const isErrorFn = (N.Error as unknown as { isError?: (v: unknown) => boolean }).isError;
  if (typeof isErrorFn === 'function') return isErrorFn(o);
  for (let cur: object | null = N.getPrototypeOf(o), hops = 0; cur && hops < 32; cur = N.getPrototypeOf(cur), hops++) {
    if (cur === N.Error.prototype) return true;
  }
  return false;
}

/** Platform objects (ImageBitmap, CryptoKey, FileList...) show their class from Symbol.toStringTag on the prototype. */
function platformClass(o: object): string | null {
  const proto = N.getPrototypeOf(o);
  if (!proto) return null;
  const d = N.getOwnPropertyDescriptor(proto, Symbol.toStringTag);
  return d && typeof d.value === 'string' && d.value !== 'Object' ? call<string>(N.StringSlice, d.value, 0, 128) : null;
}
