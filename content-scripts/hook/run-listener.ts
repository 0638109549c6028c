import { N, call } from './natives';
import { beginTrace, endTrace, type Trace } from './origin-trace';
import type { Registry, Slot } from './listener-registry';
import type { HookContext } from './context';

// The function the browser holds in place of a page listener. It calls the page's function (or
// looks up `handleEvent` on the page's object at each dispatch, as the browser does) with the same
// `this` and arguments and returns its result. Exceptions are not caught: try/finally rethrows the
// original exception object unchanged, so window.onerror and 'error' events see the page's own
// error, message and location.

export type Wrapper = (this: unknown, ...a: unknown[]) => unknown;

/**
 * Calls per listener traced with origin operations. Swapping builtins deoptimizes page code, so a
 * message flood is traced for its first calls only; later calls note reads (cheap) and are recorded
 * only when their summary (reads, origin, threw) is new, up to MAX_SUMMARIES per listener.
 */
const TRACED_CALLS = 5;
const MAX_SUMMARIES = 32;

export const makeListenerWrapper = (ctx: HookContext, registry: Registry, slot: Slot): Wrapper => {
  // A method has no prototype and is strict, like the browser's own call of a listener: a sloppy
  // page function sees `fn.caller === null`.
  const holder = {
    listener(this: unknown): unknown {
      const id = slot.id;
      // The browser removes a `once` listener before invoking it (DOM "inner invoke", step 2.5).
      if (slot.once) registry.removed(slot, 'once');
      let fn: unknown = slot.callback;
      let self: unknown = this;
      if (typeof fn !== 'function') {
        self = fn;
        fn = (fn as { handleEvent?: unknown }).handleEvent;
        // Chromium skips a listener object whose handleEvent is not callable, reporting nothing.
        if (typeof fn !== 'function') return undefined;
      }
      const traceOps = slot.traced < TRACED_CALLS;
      if (traceOps) slot.traced++;
      // Handlers a library added after registering its dispatcher are known by its first run.
      if (slot.dispatcher !== null && slot.traced === 1 && traceOps) registry.resolveLibrary(slot);
      const trace = beginTrace(arguments[0], slot.hints, traceOps);
      let threw = true;
      try {
        const result = N.apply(fn as (...a: unknown[]) => unknown, self, arguments as unknown as unknown[]);
        threw = false;
        return result;
      } finally {
        endTrace();
        emitRun(ctx, id, slot, trace, threw, traceOps);
      }
    },
  };
  return holder.listener;
};

const emitRun = (ctx: HookContext, id: string | null, slot: Slot, trace: Trace, threw: boolean, traced: boolean) => {
  if (id === null) return;
  try {
    let origin: string | null = null;
    try {
      origin = call<string>(N.MessageEventOrigin, trace.event);
    } catch {
      origin = null;
    }
    const summary = call<string>(N.ArrayJoin, trace.reads, ',') + '|' + (threw ? '1' : '0') + '|' + origin;
    let known = false;
    for (let i = 0; i < slot.seen.length; i++) if (slot.seen[i] === summary) known = true;
    if (!known && slot.seen.length < MAX_SUMMARIES) call(N.ArrayPush, slot.seen, summary);
    else if (!traced) return;
    ctx.channel.emit({
      k: 'listener-run',
      listener: id,
      type: slot.type,
      origin: origin === null ? null : call<string>(N.StringSlice, origin, 0, 2048),
      reads: trace.reads,
      ops: trace.ops,
      opsDropped: trace.opsDropped,
      threw,
    });
  } catch {
    // Recording must never break the page.
  }
};
