import { N, NP } from './natives';
import { copyFunctionShape, registerWrapper } from './native-look';

// Puts a wrapper where a native method, getter or constructor was, keeping every observable trait:
// the property descriptor's attributes, the function's name and length, its toString, and for
// constructors the prototype, instanceof and `prototype.constructor` identity.

type Fn = (...a: never[]) => unknown;

/** Replaces the data property `key` of `holder` (a prototype) with `wrapper`; false if absent. */
export const replaceMethod = (holder: object | null, key: string, wrapper: Fn): boolean => {
  const d = holder ? N.getOwnPropertyDescriptor(holder, key) : undefined;
  if (!holder || !d || typeof d.value !== 'function') return false;
  copyFunctionShape(wrapper, d.value as Fn);
  N.defineProperty(holder, key, { value: wrapper, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
  return true;
};

/** Replaces the getter of accessor `key` on `holder`, keeping its setter and attributes. */
export const replaceGetter = (holder: object | null, key: string, wrapper: Fn): boolean => {
  const d = holder ? N.getOwnPropertyDescriptor(holder, key) : undefined;
  if (!holder || !d || typeof d.get !== 'function') return false;
  copyFunctionShape(wrapper, d.get as Fn);
  N.defineProperty(holder, key, { get: wrapper, set: d.set, enumerable: d.enumerable, configurable: d.configurable });
  return true;
};

/**
 * Replaces the global constructor `name` with a Proxy whose construct trap calls the original with
 * the caller's new.target (subclasses keep working) and then reports the new object. A Proxy, not
 * a function, so `Ctor.prototype`, static members, `Ctor.name`/`length` and `instanceof` all reach
 * the original unchanged; `prototype.constructor` is pointed at the Proxy so it equals the global.
 */
export const replaceConstructor = <T extends object>(name: string, original: (new (...a: never[]) => T) | undefined, created: (o: T, args: unknown[]) => void): boolean => {
  const g = N.global as unknown as Record<string, unknown>;
  const d = N.getOwnPropertyDescriptor(g, name);
  if (!original || !d || d.value !== original) return false;
  const handler = N.create(null) as ProxyHandler<typeof original>;
  handler.construct = (target, args, newTarget) => {
    const o = N.construct(target, args, newTarget) as T;
    try {
      created(o, args);
    } catch {
      // Recording must never break the page.
    }
    return o;
  };
  const proxy = new NP.Proxy(original, handler);
  registerWrapper(proxy, original);
  const protoDesc = N.getOwnPropertyDescriptor(original.prototype, 'constructor');
  if (protoDesc && protoDesc.value === original) N.defineProperty(original.prototype, 'constructor', { ...protoDesc, value: proxy });
  N.defineProperty(g, name, { ...d, value: proxy });
  return true;
};
