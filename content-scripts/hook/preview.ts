import { N, call } from './natives';
import { LIMITS, type Preview } from '../../extension/protocol';

// Builds a bounded, type-accurate preview of a value. It reads objects only through property
// descriptors and brand-checking native getters, so it never runs a page getter, setter or
// Proxy trap: an accessor is shown as { t: 'accessor' } instead of being called. Callers only
// hand it values the browser has just cloned or serialized (a Proxy cannot be cloned, so none
// reaches here through data properties).

export type PortIdOf = (value: object) => string | null;

interface Budget { nodes: number }

export const preview = (value: unknown, portIdOf: PortIdOf = () => null): Preview => {
  const budget: Budget = { nodes: LIMITS.previewNodes };
  return walk(value, 0, budget, new N.Set<object>(), portIdOf);
};

const num = (v: number): string => (N.ObjectIs(v, -0) ? '-0' : call<string>(N.NumberToString, v));

const str = (v: string): Preview => ({
  t: 'string',
  v: v.length > LIMITS.previewString ? call<string>(N.StringSlice, v, 0, LIMITS.previewString) : v,
  len: v.length,
});

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

function walk(value: unknown, depth: number, budget: Budget, seen: Set<object>, portIdOf: PortIdOf): Preview {
  budget.nodes--;
  switch (typeof value) {
    case 'undefined': return { t: 'undefined' };
    case 'boolean': return { t: 'boolean', v: value };
    case 'number': return { t: 'number', v: num(value) };
    case 'bigint': return { t: 'bigint', v: call<string>(N.BigIntToString, value) };
    case 'string': return str(value);
    case 'symbol': return { t: 'symbol', v: call<string>(N.SymbolToString, value) };
    case 'function': return { t: 'function', name: fnName(value) };
  }
  if (value === null) return { t: 'null' };
  const o = value as object;
  if (call<boolean>(N.SetHas, seen, o)) return { t: 'ref' };
  const special = leaf(o, portIdOf);
  if (special) return special;
  if (depth >= LIMITS.previewDepth || budget.nodes <= 0) return { t: 'cut' };
  call(N.SetAdd, seen, o);
  const child = (v: unknown) => (budget.nodes > 0 ? walk(v, depth + 1, budget, seen, portIdOf) : ({ t: 'cut' } as Preview));

  const mapSize = brand(N.MapSize, o, NO);
  if (mapSize !== NO) {
    const entries: [Preview, Preview][] = [];
    call(N.MapForEach, o, (v: unknown, k: unknown) => {
      if (entries.length < LIMITS.previewEntries) call(N.ArrayPush, entries, [child(k), child(v)]);
    });
    return { t: 'map', size: mapSize as number, entries, more: (mapSize as number) - entries.length };
  }
  const setSize = brand(N.SetSize, o, NO);
  if (setSize !== NO) {
    const items: Preview[] = [];
    call(N.SetForEach, o, (v: unknown) => {
      if (items.length < LIMITS.previewEntries) call(N.ArrayPush, items, child(v));
    });
    return { t: 'set', size: setSize as number, items, more: (setSize as number) - items.length };
  }
  if (N.isArray(o)) {
    const len = lengthOf(o);
    const items: Preview[] = [];
    const n = N.min(len, LIMITS.previewEntries);
    for (let i = 0; i < n; i++) call(N.ArrayPush, items, child(dataValue(o, i)));
    return { t: 'array', len, items, more: len - n };
  }
  // Checked after maps and sets, whose prototypes carry a toStringTag too.
  const cls = platformClass(o);
  if (cls) return { t: 'platform', cls };
  const entries: [string, Preview][] = [];
  const keys = N.ownKeys(o);
  let total = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    const d = N.getOwnPropertyDescriptor(o, key);
    if (!d || !d.enumerable) continue;
    total++;
    if (entries.length >= LIMITS.previewEntries) continue;
    const keyText = key.length > LIMITS.previewString ? call<string>(N.StringSlice, key, 0, LIMITS.previewString) : key;
    call(N.ArrayPush, entries, [keyText, d.get || d.set ? ({ t: 'accessor' } as Preview) : child(d.value)]);
  }
  return { t: 'object', cls: className(o), entries, more: total - entries.length };
}

/** Values with a fixed, non-recursive preview; null for plain objects, arrays, maps and sets. */
function leaf(o: object, portIdOf: PortIdOf): Preview | null {
  const time = brand(N.DateGetTime as never, o, NO);
  if (time !== NO) {
    const t = time as number;
    return { t: 'date', v: t === t ? call<string>(N.DateToISOString, o) : 'Invalid Date' };
  }
  if (brand(N.RegExpSource, o, NO) !== NO) {
    const text = call<string>(N.RegExpToString, o);
    return { t: 'regexp', v: text.length > LIMITS.previewString ? call<string>(N.StringSlice, text, 0, LIMITS.previewString) : text };
  }
  const bytes = brand(N.ArrayBufferByteLength, o, NO);
  if (bytes !== NO) {
    const detached = N.ArrayBufferDetached ? (brand(N.ArrayBufferDetached, o, false) as boolean) : false;
    return { t: 'arraybuffer', bytes: bytes as number, detached, shared: false };
  }
  const shared = brand(N.SharedArrayBufferByteLength, o, NO);
  if (shared !== NO) return { t: 'arraybuffer', bytes: shared as number, detached: false, shared: true };
  const tag = brand(N.TypedArrayTag, o, undefined);
  if (typeof tag === 'string') {
    const len = brand(N.TypedArrayLength, o, 0) as number;
    const items: string[] = [];
    const n = N.min(len, LIMITS.previewEntries);
    for (let i = 0; i < n; i++) call(N.ArrayPush, items, N.String((o as Record<number, unknown>)[i]));
    return { t: 'typedarray', cls: tag, len, bytes: brand(N.TypedArrayByteLength, o, 0) as number, items };
  }
  const viewBytes = brand(N.DataViewByteLength, o, NO);
  if (viewBytes !== NO) return { t: 'typedarray', cls: 'DataView', len: viewBytes as number, bytes: viewBytes as number, items: [] };
  const size = brand(N.BlobSize, o, NO);
  if (size !== NO) {
    const name = brand(N.FileName, o, null) as string | null;
    const lastModified = brand(N.FileLastModified, o, null) as number | null;
    const type = brand(N.BlobType, o, '') as string;
    return { t: 'blob', size: size as number, type: call<string>(N.StringSlice, type, 0, 256), name: name === null ? null : call<string>(N.StringSlice, name, 0, LIMITS.previewString), lastModified };
  }
  const port = portIdOf(o);
  if (port !== null) return { t: 'port', id: port };
  if (isError(o)) return { t: 'error', name: clip(dataValue(o, 'name'), 128), message: clip(dataValue(o, 'message'), LIMITS.previewString) };
  return null;
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
