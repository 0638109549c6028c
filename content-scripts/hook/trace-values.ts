import { N, call } from './natives';
import { TRACE_LIMITS } from '../../extension/protocol/limits';

// Text for the receivers, arguments and results of traced origin operations. Only primitives,
// RegExps (through the native source/flags getters), and the elements of arrays, Sets and Maps
// (through own data properties and the native forEach) are described: no page getter, toString or
// Proxy trap ever runs.

const clip = (s: string): string => (s.length > TRACE_LIMITS.value ? call<string>(N.StringSlice, s, 0, TRACE_LIMITS.value) : s);
const LIST_ITEMS = 16;

const quote = (s: string): string => clip(N.stringify(s) as string);

const regexpText = (o: object): string | null => {
  try {
    const source = N.apply(N.RegExpSource, o, []) as string;
    return clip('/' + source + '/' + (N.apply(N.RegExpFlags, o, []) as string));
  } catch {
    return null;
  }
};

const primitive = (v: unknown): string | null => {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return N.ObjectIs(v, -0) ? '-0' : call<string>(N.NumberToString, v);
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return 'undefined';
    case 'bigint': return call<string>(N.BigIntToString, v) + 'n';
    case 'symbol': return 'symbol';
    case 'function': return 'function';
  }
  return v === null ? 'null' : null;
};

const listText = (items: unknown[], total: number, open: string, close: string): string => {
  let s = open;
  for (let i = 0; i < items.length; i++) s += (i > 0 ? ',' : '') + (primitive(items[i]) ?? 'object');
  if (total > items.length) s += ',…';
  return clip(s + close);
};

export const describeValue = (v: unknown): string => {
  const p = primitive(v);
  if (p !== null) return p;
  const o = v as object;
  const re = regexpText(o);
  if (re !== null) return re;
  if (N.isArray(o)) {
    const d = N.getOwnPropertyDescriptor(o, 'length');
    const len = d && typeof d.value === 'number' ? d.value : 0;
    const items: unknown[] = [];
    for (let i = 0; i < len && i < LIST_ITEMS; i++) {
      const e = N.getOwnPropertyDescriptor(o, i);
      call(N.ArrayPush, items, e && 'value' in e ? e.value : undefined);
    }
    return listText(items, len, '[', ']');
  }
  try {
    const size = N.apply(N.SetSize, o, []) as number;
    const items: unknown[] = [];
    call(N.SetForEach, o, (x: unknown) => {
      if (items.length < LIST_ITEMS) call(N.ArrayPush, items, x);
    });
    return listText(items, size, 'Set{', '}');
  } catch {
    // not a Set
  }
  try {
    const size = N.apply(N.MapSize, o, []) as number;
    const items: unknown[] = [];
    call(N.MapForEach, o, (_x: unknown, k: unknown) => {
      if (items.length < LIST_ITEMS) call(N.ArrayPush, items, k);
    });
    return listText(items, size, 'Map{', '}');
  } catch {
    // not a Map
  }
  return 'object';
};
