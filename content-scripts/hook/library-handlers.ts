import { N, call } from './natives';
import { describeHandler } from './listener-source';

// Libraries that register one dispatcher of their own and keep the page's handlers in a list:
// Zone.js (one shared callback per event type; its tasks, each holding the page's `callback`, are
// kept on the target under `__zone_symbol__<type><capture>`) and jQuery (`elemData.handle`, with the
// handlers in the element's data object, an own property named `jQuery<digits>`, under
// `events[type][i].handler`). Both fill those lists right after their addEventListener call
// returns, so they are read later (a microtask after the registration, and at the first run).
// Only own data properties are read: no page getter runs.

const MAX = 8;

const ownData = (o: unknown, key: PropertyKey): unknown => {
  if ((typeof o !== 'object' || o === null) && typeof o !== 'function') return undefined;
  const d = N.getOwnPropertyDescriptor(o as object, key);
  return d && 'value' in d ? d.value : undefined;
};

const listOf = (v: unknown): unknown[] => {
  if (!N.isArray(v)) return [];
  const out: unknown[] = [];
  const n = (v as unknown[]).length;
  for (let i = 0; i < n && i < 64; i++) call(N.ArrayPush, out, ownData(v, i));
  return out;
};

const JQUERY_DISPATCH = /event\.dispatch\.apply\(/;
const JQUERY_KEY = /^jQuery\d+$/;

export interface LibraryHandlers { lib: Library; handlers: { source: string | null; name: string }[]; more: number }

export type Library = 'zone' | 'jquery';

/** Which library's dispatcher `source` (registered on `target`) is, if any. */
export const dispatcherOf = (target: object, type: string, capture: boolean, source: string | null): Library | null => {
  if (source !== null && call(N.RegExpExec, JQUERY_DISPATCH, source) !== null) return 'jquery';
  return N.getOwnPropertyDescriptor(target, zoneKey(type, capture)) !== undefined ? 'zone' : null;
};

const zoneKey = (type: string, capture: boolean) => '__zone_symbol__' + type + (capture ? 'true' : 'false');

export const libraryHandlers = (lib: Library, target: object, type: string, capture: boolean, callback: object): LibraryHandlers | null => {
  const found: unknown[] = [];
  if (lib === 'zone') {
    const tasks = ownData(target, zoneKey(type, capture));
    if (!N.isArray(tasks)) return null;
    const list = listOf(tasks);
    for (let i = 0; i < list.length; i++) call(N.ArrayPush, found, ownData(list[i], 'callback'));
  } else {
    const keys = N.ownKeys(target);
    let data: unknown;
    for (let i = 0; i < keys.length && data === undefined; i++) {
      const key = keys[i];
      if (typeof key !== 'string' || call(N.RegExpExec, JQUERY_KEY, key) === null) continue;
      const candidate = ownData(target, key);
      if (ownData(candidate, 'handle') === callback) data = candidate;
    }
    if (data === undefined) return null;
    const list = listOf(ownData(ownData(data, 'events'), type));
    for (let j = 0; j < list.length; j++) call(N.ArrayPush, found, ownData(list[j], 'handler'));
  }
  const handlers: { source: string | null; name: string }[] = [];
  let more = 0;
  for (let i = 0; i < found.length; i++) {
    const h = found[i];
    if ((typeof h !== 'object' || h === null) && typeof h !== 'function') continue;
    if (handlers.length >= MAX) more++;
    else {
      const info = describeHandler(h as object);
      call(N.ArrayPush, handlers, { source: info.source, name: info.name });
    }
  }
  return { lib, handlers, more };
};
