import { N, call } from './natives';
import { LIMITS } from '../../extension/protocol/limits';

// The source text and name of a listener, looking through the wrappers that monitoring libraries
// put around page handlers when they keep a reference to the original as an own data property
// (Sentry's `__sentry_original__`, New Relic's `nr@original`, Zone.js's
// `__zone_symbol__OriginalDelegate`). Only descriptors are read: no page getter runs. Functions whose
// text is native code (natives, bound functions, callable Proxies) are not probed at all, so a
// Proxy's traps never run.

const UNWRAP: [string, string][] = [
  ['__sentry_original__', 'sentry'],
  ['nr@original', 'newrelic'],
  ['__zone_symbol__OriginalDelegate', 'zone'],
];

const NATIVE = /\{\s*\[native code\]\s*\}\s*$/;

const text = (fn: unknown): string | null => {
  try {
    return call<string>(N.FunctionToString, fn);
  } catch {
    return null;
  }
};

const ownData = (o: object, key: PropertyKey): unknown => {
  const d = N.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
};

/** A data property found on `o` or its prototype chain, without running accessors. */
const dataValue = (o: object, key: PropertyKey): unknown => {
  for (let cur: object | null = o, hops = 0; cur && hops < 32; cur = N.getPrototypeOf(cur), hops++) {
    const d = N.getOwnPropertyDescriptor(cur, key);
    if (d) return 'value' in d ? d.value : undefined;
  }
  return undefined;
};

export interface HandlerInfo { source: string | null; name: string; unwrapped: string | null; length: number }

export const describeHandler = (callback: object): HandlerInfo => {
  let fn: unknown = typeof callback === 'function' ? callback : dataValue(callback, 'handleEvent');
  if (typeof fn !== 'function') return { source: null, name: '', unwrapped: null, length: 0 };
  let src = text(fn);
  let unwrapped: string | null = null;
  for (let depth = 0; depth < 4 && src !== null && call(N.RegExpExec, NATIVE, src) === null; depth++) {
    let inner: unknown;
    for (let i = 0; i < UNWRAP.length && inner === undefined; i++) {
      const v = ownData(fn as object, UNWRAP[i][0]);
      if (typeof v === 'function' && v !== fn) {
        inner = v;
        unwrapped = UNWRAP[i][1];
      }
    }
    if (inner === undefined) break;
    fn = inner;
    src = text(fn);
  }
  const name = src !== null && call(N.RegExpExec, NATIVE, src) === null ? ownData(fn as object, 'name') : '';
  return {
    source: src === null ? null : call<string>(N.StringSlice, src, 0, LIMITS.text),
    name: typeof name === 'string' ? call<string>(N.StringSlice, name, 0, 256) : '',
    unwrapped,
    length: src === null ? 0 : src.length,
  };
};
