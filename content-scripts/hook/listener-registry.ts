import { N, call } from './natives';
import { publishListenerChange } from './listener-events';
import type { CallSite } from './call-site';
import { describeHandler } from './listener-source';
import { swapHints } from './origin-trace';
import { dispatcherOf, libraryHandlers, type Library } from './library-handlers';
import { LIMITS } from '../../extension/protocol/limits';
import type { HookContext } from './context';

// The page's message listeners and the wrappers registered natively in their place. The browser
// identifies a listener by (target, type, callback, capture); so does this registry, so a
// duplicate add reuses the same wrapper and the browser dedupes it exactly as it would the page's
// function, and removeEventListener(pageFn) finds the wrapper to remove. Slots are held per target
// in a WeakMap: nothing here keeps a port or window alive.

export type MessageType = 'message' | 'messageerror';
export type How = 'addEventListener' | 'onmessage' | 'onmessageerror';
export type RemoveWhy = 'removeEventListener' | 'once' | 'signal' | 'replaced' | 'cleared';

export interface Slot {
  readonly target: object;
  readonly type: MessageType;
  readonly capture: boolean;
  /** The page's function or handleEvent object. */
  readonly callback: object;
  /** What the browser holds instead; created once per slot. */
  wrapper: ((this: unknown, ...a: unknown[]) => unknown) | null;
  /** Id of the live registration; null while the browser holds no registration for this slot. */
  id: string | null;
  once: boolean;
  /** Origin tracers to put in place for each call (see swapHints). */
  hints: number[] | null;
  /** Calls traced with origin operations so far (see run-listener.ts). */
  traced: number;
  /** Distinct run summaries already recorded (reads, origin, threw). */
  seen: string[];
  /** The library whose dispatcher the callback is (see library-handlers.ts). */
  dispatcher: Library | null;
  /** The last library handler list recorded for it. */
  libraryKey: string;
}

export const newSlot = (target: object, type: MessageType, capture: boolean, callback: object): Slot =>
  ({ target, type, capture, callback, wrapper: null, id: null, once: false, hints: null, traced: 0, seen: [], dispatcher: null, libraryKey: '' });

export interface AddInfo {
  how: How;
  capture: boolean;
  once: boolean;
  passive: boolean | null;
  signal: boolean;
}

export interface Registry {
  slotFor(target: object, type: MessageType, capture: boolean, callback: object): Slot;
  find(target: object, type: MessageType, capture: boolean, callback: object): Slot | null;
  /** Records a new live registration of `slot`. */
  added(slot: Slot, info: AddInfo, site: CallSite | null): string;
  removed(slot: Slot, why: RemoveWhy): void;
  /** Records the real handlers behind a library dispatcher, when they changed. */
  resolveLibrary(slot: Slot): void;
}

export const listenerRegistry = (ctx: HookContext): Registry => {
  const byTarget = new N.WeakMap<object, Slot[]>();
  let next = 0;

  const find = (target: object, type: MessageType, capture: boolean, callback: object): Slot | null => {
    const slots = call<Slot[] | undefined>(N.WeakMapGet, byTarget, target);
    if (!slots) return null;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s.callback === callback && s.type === type && s.capture === capture) return s;
    }
    return null;
  };

  function resolveLibrary(slot: Slot) {
    try {
      if (slot.id === null || slot.dispatcher === null) return;
      const found = libraryHandlers(slot.dispatcher, slot.target, slot.type, slot.capture, slot.callback);
      if (found === null) return;
      let key = found.lib + ':' + found.more;
      for (let i = 0; i < found.handlers.length; i++) key += '|' + found.handlers[i].name + ':' + (found.handlers[i].source ?? '').length;
      if (key === slot.libraryKey) return;
      slot.libraryKey = key;
      ctx.channel.emit({ k: 'listener-source', listener: slot.id, lib: found.lib, handlers: found.handlers, more: found.more });
    } catch {
      // Recording must never break the page.
    }
  }

  return {
    find,
    slotFor(target, type, capture, callback) {
      const found = find(target, type, capture, callback);
      if (found) return found;
      let slots = call<Slot[] | undefined>(N.WeakMapGet, byTarget, target);
      if (!slots) {
        slots = [];
        call(N.WeakMapSet, byTarget, target, slots);
      }
      const slot = newSlot(target, type, capture, callback);
      call(N.ArrayPush, slots, slot);
      return slot;
    },
    added(slot, info, site) {
      const id = 'l' + ctx.channel.key + '.' + next++;
      slot.id = id;
      slot.once = info.once;
      try {
        const target = targetRef(ctx, slot.target);
        const handler = describeHandler(slot.callback);
        slot.hints = swapHints(handler.source);
        slot.dispatcher = dispatcherOf(slot.target, slot.type, slot.capture, handler.source);
        ctx.channel.emit({
          k: 'listener-add',
          listener: id,
          target: target.id,
          targetKind: target.kind,
          type: slot.type,
          how: info.how,
          capture: info.capture,
          once: info.once,
          passive: info.passive,
          signal: info.signal,
          handleEvent: typeof slot.callback !== 'function',
          call: site,
          defined: null,
          source: handler.source,
          ...(handler.length > LIMITS.text ? { sourceLength: handler.length } : {}),
          name: handler.name,
          unwrapped: handler.unwrapped,
        });
        publishListenerChange({ target: slot.target as EventTarget, type: slot.type, how: info.how, added: true });
        // The library fills its handler list after this call returns.
        if (slot.dispatcher) N.queueMicrotask(() => resolveLibrary(slot));
      } catch {
        // Recording must never break the page.
      }
      return id;
    },
    resolveLibrary,
    removed(slot, why) {
      const id = slot.id;
      if (id === null) return;
      slot.id = null;
      try {
        ctx.channel.emit({ k: 'listener-remove', listener: id, why });
        const how: How = why === 'replaced' || why === 'cleared' ? (slot.type === 'message' ? 'onmessage' : 'onmessageerror') : 'addEventListener';
        publishListenerChange({ target: slot.target as EventTarget, type: slot.type, how, added: false });
      } catch {
        // Recording must never break the page.
      }
    },
  };
};

type TargetKind = 'window' | 'port' | 'worker' | 'broadcast' | 'service-worker' | 'other';

const isA = (o: object, ctor: { prototype: object } | undefined): boolean => {
  if (!ctor) return false;
  for (let p = N.getPrototypeOf(o), hops = 0; p && hops < 32; p = N.getPrototypeOf(p), hops++) if (p === ctor.prototype) return true;
  return false;
};

const targetRef = (ctx: HookContext, target: object): { id: string; kind: TargetKind } => {
  if (target === ctx.self) return { id: 'window', kind: 'window' };
  const kind: TargetKind = isA(target, N.MessagePort) ? 'port'
    : isA(target, N.Worker) ? 'worker'
    : isA(target, N.BroadcastChannel) ? 'broadcast'
    : isA(target, N.ServiceWorkerContainer) ? 'service-worker'
    : isA(target, N.Window) ? 'window'
    : 'other';
  return { id: ctx.ports.idOf(target), kind };
};

