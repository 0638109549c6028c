import { N, call } from './natives';

// Wrappers must look like the natives they replace: same name, length, descriptor and
// Function.prototype.toString output. toString is patched once; it answers for every wrapper
// registered here and defers to the original for everything else.

const originals = new N.WeakMap<object, object>();

export const registerWrapper = (wrapper: object, original: object): void => {
  call(N.WeakMapSet, originals, wrapper, original);
};

export const originalOf = (fn: object): object | undefined => call(N.WeakMapGet, originals, fn);

/** Gives `wrapper` the original's name and length (both are configurable, non-writable data properties). */
export const copyFunctionShape = (wrapper: (...a: never[]) => unknown, original: (...a: never[]) => unknown): void => {
  for (const key of ['length', 'name'] as const) {
    const d = N.getOwnPropertyDescriptor(original, key);
    if (d) N.defineProperty(wrapper, key, d);
  }
  registerWrapper(wrapper, original);
};

let toStringPatched = false;

/** Patches Function.prototype.toString so wrappers print as the natives they stand for. */
export const patchToString = (): void => {
  if (toStringPatched) return;
  toStringPatched = true;
  const nativeToString = N.FunctionToString;
  const d = N.getOwnPropertyDescriptor(Function.prototype, 'toString');
  if (!d || typeof d.value !== 'function') return;
  // A method (not a function expression) has no prototype, like the native.
  const holder = {
    toString(this: unknown): string {
      const target = typeof this === 'function' || (typeof this === 'object' && this !== null) ? originalOf(this as object) ?? this : this;
      return N.apply(nativeToString, target, []) as string;
    },
  };
  const wrapped = holder.toString;
  copyFunctionShape(wrapped as never, nativeToString as never);
  N.defineProperty(Function.prototype, 'toString', { ...d, value: wrapped });
};
