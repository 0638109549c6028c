import { N, call } from './natives';
import { copyFunctionShape } from './native-look';
import { callSite } from './call-site';
import { makeListenerWrapper } from './run-listener';
import { newSlot, type MessageType, type Registry, type Slot } from './listener-registry';
import type { HookContext } from './context';

// The onmessage/onmessageerror event handler attributes of Window (own accessors of the global),
// MessagePort, Worker, BroadcastChannel and ServiceWorkerContainer, and of <body>/<frameset>, whose
// setters forward to the window (HTML "WindowEventHandlers" on body elements). The native setter receives a
// wrapper; the getter maps it back, so `x.onmessage === f` holds and the handler keeps its place
// among listeners (HTML "event handler" processing registers one internal listener on first set).
// The wrapper returns the page function's value, so `return false` still cancels the event.

const KEYS: [string, MessageType][] = [['onmessage', 'message'], ['onmessageerror', 'messageerror']];

export const wrapHandlers = (ctx: HookContext, registry: Registry): void => {
  /** wrapper -> page function */
  const pageFnOf = new N.WeakMap<object, object>();
  /** target -> current handler slot, per type */
  const current = new N.WeakMap<object, Record<string, Slot | undefined>>();

  const afterSet = (target: object, type: MessageType, how: 'onmessage' | 'onmessageerror', slot: Slot | null) => {
    let byType = call<Record<string, Slot | undefined> | undefined>(N.WeakMapGet, current, target);
    if (!byType) {
      byType = N.create(null) as Record<string, Slot | undefined>;
      call(N.WeakMapSet, current, target, byType);
    }
    const prev = byType[type];
    if (prev) registry.removed(prev, slot ? 'replaced' : 'cleared');
    byType[type] = slot ?? undefined;
    if (slot) registry.added(slot, { how, capture: false, once: false, passive: null, signal: false }, callSite());
  };

  const wrapAccessor = (holderObj: object, key: string, type: MessageType, forwardsToWindow: boolean) => {
    const targetOf = (self: unknown): object => (forwardsToWindow && ctx.self ? ctx.self : self === undefined || self === null ? N.global : (self as object));
    const d = N.getOwnPropertyDescriptor(holderObj, key);
    if (!d || !d.get || !d.set || !d.configurable) return;
    const origGet = d.get;
    const origSet = d.set;
    const how = key as 'onmessage' | 'onmessageerror';
    const accessors = {
      get [key](): unknown {
        const v = N.apply(origGet, this, []);
        if (typeof v === 'function') {
          const page = call<object | undefined>(N.WeakMapGet, pageFnOf, v);
          if (page !== undefined) return page;
        }
        return v;
      },
      set [key](value: unknown) {
        if (typeof value !== 'function') {
          N.apply(origSet, this, [value]);
          try {
            afterSet(targetOf(this), type, how, null);
          } catch {
            // Recording must never break the page.
          }
          return;
        }
        const target = targetOf(this);
        const prev = call<Record<string, Slot | undefined> | undefined>(N.WeakMapGet, current, target)?.[type];
        if (prev && prev.callback === value && prev.wrapper) {
          // The same handler again: the native keeps its listener; nothing changed to record.
          N.apply(origSet, this, [prev.wrapper]);
          return;
        }
        const slot = newSlot(target, type, false, value);
        slot.wrapper = makeListenerWrapper(ctx, registry, slot);
        call(N.WeakMapSet, pageFnOf, slot.wrapper, value);
        N.apply(origSet, this, [slot.wrapper]);
        try {
          afterSet(target, type, how, slot);
        } catch {
          // Recording must never break the page.
        }
      },
    };
    const wrapped = N.getOwnPropertyDescriptor(accessors, key)!;
    copyFunctionShape(wrapped.get as never, origGet as never);
    copyFunctionShape(wrapped.set as never, origSet as never);
    N.defineProperty(holderObj, key, { get: wrapped.get, set: wrapped.set, enumerable: d.enumerable, configurable: d.configurable });
  };

  const holders: [object | undefined, boolean][] = [
    [ctx.self ?? undefined, false],
    [N.MessagePort?.prototype, false],
    [N.Worker?.prototype, false],
    [N.BroadcastChannel?.prototype, false],
    [N.ServiceWorkerContainer?.prototype, false],
    [N.HTMLBodyElement?.prototype, true],
    [N.HTMLFrameSetElement?.prototype, true],
  ];
  for (let h = 0; h < holders.length; h++) {
    const [holderObj, forwards] = holders[h];
    if (!holderObj) continue;
    for (let i = 0; i < KEYS.length; i++) wrapAccessor(holderObj, KEYS[i][0], KEYS[i][1], forwards);
  }
};
