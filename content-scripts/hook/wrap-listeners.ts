import { N, call } from './natives';
import { copyFunctionShape } from './native-look';
import { callSite } from './call-site';
import { makeListenerWrapper } from './run-listener';
import type { MessageType, Registry, Slot } from './listener-registry';
import type { HookContext } from './context';

// EventTarget.prototype.addEventListener/removeEventListener, on the hottest path of every page:
// any type other than message/messageerror goes straight to the native with the page's own
// arguments. For message listeners the page's arguments are converted exactly once, in the
// browser's order (type ToString, then the options dictionary's members in WebIDL order: capture,
// once, passive, signal), and the native receives the converted values with our wrapper, so page
// getters on the options object run exactly as often as without Postscope.

interface AddOptions { capture: boolean; once: boolean; passive: boolean | null; signal: unknown; native: unknown }

const isObject = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';

const flattenAdd = (options: unknown): AddOptions => {
  if (!isObject(options)) {
    const capture = !!options;
    return { capture, once: false, passive: null, signal: undefined, native: capture };
  }
  const o = options as Record<string, unknown>;
  const capture = !!o.capture;
  const once = !!o.once;
  const passiveRaw = o.passive;
  const signal = o.signal;
  const native = N.create(null) as Record<string, unknown>;
  native.capture = capture;
  native.once = once;
  if (passiveRaw !== undefined) native.passive = !!passiveRaw;
  if (signal !== undefined) native.signal = signal;
  return { capture, once, passive: passiveRaw === undefined ? null : !!passiveRaw, signal, native };
};

const captureOf = (options: unknown): boolean => (isObject(options) ? !!(options as { capture?: unknown }).capture : !!options);

const isEventTarget = (o: object): boolean => {
  for (let p = N.getPrototypeOf(o), hops = 0; p && hops < 64; p = N.getPrototypeOf(p), hops++) if (p === N.EventTargetProto) return true;
  return false;
};

const isAborted = (signal: unknown): boolean => {
  if (!N.AbortSignalAborted) return false;
  try {
    return N.apply(N.AbortSignalAborted, signal, []) === true;
  } catch {
    // Not an AbortSignal: the native add throws a TypeError and registers nothing.
    return true;
  }
};

const withType = (args: IArguments, type: string): unknown[] => {
  const out: unknown[] = [type];
  for (let i = 1; i < args.length; i++) out[i] = args[i];
  return out;
};

export const wrapAddRemove = (ctx: HookContext, registry: Registry): void => {
  const nativeAdd = N.addEventListener;
  const nativeRemove = N.removeEventListener;

  const wrapperOf = (slot: Slot) => {
    if (slot.wrapper === null) slot.wrapper = makeListenerWrapper(ctx, registry, slot);
    return slot.wrapper;
  };

  const watchSignal = (slot: Slot, id: string, signal: object) => {
    call(N.addEventListener, signal, 'abort', () => {
      if (slot.id === id) registry.removed(slot, 'signal');
    });
  };

  const holder = {
    addEventListener(this: unknown, type: unknown, callback: unknown): unknown {
      // Symbols go to the native untouched: it throws its own TypeError for them.
      if ((typeof type === 'string' && type !== 'message' && type !== 'messageerror') || typeof type === 'symbol' || arguments.length < 2) return N.apply(nativeAdd, this, arguments as unknown as unknown[]);
      const t = typeof type === 'string' ? type : `${type}`;
      const target = this === undefined || this === null ? N.global : this;
      if ((t !== 'message' && t !== 'messageerror') || !isObject(callback) || !isObject(target) || !isEventTarget(target)) return N.apply(nativeAdd, this, withType(arguments, t));
      const opts = flattenAdd(arguments[2]);
      const slot = registry.slotFor(target, t as MessageType, opts.capture, callback);
      const wasLive = slot.id !== null;
      const aborted = opts.signal !== undefined && isAborted(opts.signal);
      const result = N.apply(nativeAdd, this, [t, wrapperOf(slot), opts.native]);
      if (!wasLive && !aborted) {
        const how = 'addEventListener';
        const id = registry.added(slot, { how, capture: opts.capture, once: opts.once, passive: opts.passive, signal: opts.signal !== undefined }, callSite());
        if (opts.signal !== undefined) {
          try {
            watchSignal(slot, id, opts.signal as object);
          } catch {
            // Recording must never break the page.
          }
        }
      }
      return result;
    },
    removeEventListener(this: unknown, type: unknown, callback: unknown): unknown {
      if ((typeof type === 'string' && type !== 'message' && type !== 'messageerror') || typeof type === 'symbol' || arguments.length < 2) return N.apply(nativeRemove, this, arguments as unknown as unknown[]);
      const t = typeof type === 'string' ? type : `${type}`;
      const target = this === undefined || this === null ? N.global : this;
      if ((t !== 'message' && t !== 'messageerror') || !isObject(callback) || !isObject(target)) return N.apply(nativeRemove, this, withType(arguments, t));
      const capture = captureOf(arguments[2]);
      const slot = registry.find(target, t as MessageType, capture, callback);
      if (slot === null || slot.wrapper === null) return N.apply(nativeRemove, this, [t, callback, capture]);
      const result = N.apply(nativeRemove, this, [t, slot.wrapper, capture]);
      registry.removed(slot, 'removeEventListener');
      return result;
    },
  };

  replaceMethod(N.EventTargetProto, 'addEventListener', holder.addEventListener, nativeAdd);
  replaceMethod(N.EventTargetProto, 'removeEventListener', holder.removeEventListener, nativeRemove);
};

const replaceMethod = (proto: object, key: string, wrapper: (...a: never[]) => unknown, original: (...a: never[]) => unknown) => {
  const d = N.getOwnPropertyDescriptor(proto, key);
  if (!d || d.value !== original) return;
  copyFunctionShape(wrapper, original);
  N.defineProperty(proto, key, { value: wrapper, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
};
