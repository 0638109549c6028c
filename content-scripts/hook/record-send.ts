import { N } from './natives';
import { callSite } from './call-site';
import { errorInfo } from './error-info';
import { preview } from './preview';
import { dropExpected, expectAtTwin } from './inbox';
import { describeAfter, describeBefore, readTransfer, type Described } from './transfer-list';
import type { Endpoint, Endpoints } from './endpoints';
import type { HookContext } from './context';

// The body shared by every wrapped postMessage (MessagePort, Worker, ServiceWorker,
// BroadcastChannel): calls the native with the page's own receiver and arguments, returns its
// result or rethrows its exception object unchanged, and records the message with its outcome.
// Cheap on the common path: no stack, no transfer work without a transfer list, one preview.

type Outcome = 'sent' | 'lost-closed' | 'lost-neutered' | 'lost-unentangled' | 'doomed' | 'threw';

const NO_OBJECTS: object[] = [];
const NO_DESCRIBED: Described[] = [];

export const recordSend = (
  ctx: HookContext,
  eps: Endpoints,
  ep: Endpoint,
  native: (...a: never[]) => unknown,
  self: unknown,
  args: IArguments,
  hasTransfer: boolean,
): unknown => {
  let objects = NO_OBJECTS;
  let described = NO_DESCRIBED;
  let before: Outcome = 'sent';
  try {
    if (hasTransfer && args.length > 1 && args[1] !== undefined) {
      objects = readTransfer(args[1]) ?? NO_OBJECTS;
      if (objects.length > 0) described = describeBefore(objects, knownPort(eps), (p) => eps.see(p, 'port', 'unknown', null, null).id, eps.bufferId);
    }
    before = outcomeBefore(eps, ep, objects);
  } catch {
    // Recording must never break the page.
  }
  let result: unknown;
  try {
    result = N.apply(native as (...a: unknown[]) => unknown, self, args as unknown as unknown[]);
  } catch (e) {
    try {
      emit(ctx, eps, ep, args, 'threw', errorInfo(e), objects, described);
    } catch {
      // Recording must never break the page.
    }
    throw e;
  }
  try {
    emit(ctx, eps, ep, args, before, null, objects, described);
  } catch {
    // Recording must never break the page.
  }
  return result;
};

/**
 * The wrapper that stands in for a native postMessage: the endpoint `endpointOf` finds for the
 * receiver is recorded through recordSend; anything else (not ours, not the right kind) goes
 * straight to the native, which throws as it would have. A method, so like the native it has no
 * prototype and is strict.
 */
export const sendWrapper = (
  ctx: HookContext,
  eps: Endpoints,
  native: (...a: never[]) => unknown,
  endpointOf: (self: unknown) => Endpoint | null,
  hasTransfer: boolean,
): ((...a: never[]) => unknown) => {
  const holder = {
    postMessage(this: unknown) {
      let ep: Endpoint | null = null;
      try {
        ep = endpointOf(this);
      } catch {
        // Recording must never break the page.
      }
      if (!ep) return N.apply(native as (...a: unknown[]) => unknown, this, arguments as unknown as unknown[]);
      return recordSend(ctx, eps, ep, native, this, arguments, hasTransfer);
    },
  };
  return holder.postMessage as (...a: never[]) => unknown;
};

const knownPort = (eps: Endpoints) => (o: object): string | null => {
  const ep = eps.peek(o);
  return ep && ep.via === 'port' ? ep.id : null;
};

/** What will become of the message, decided from the sender's state before the call (spec 5.3 postMessage steps). */
const outcomeBefore = (eps: Endpoints, ep: Endpoint, objects: object[]): Outcome => {
  if (ep.neutered) return 'lost-neutered';
  if (ep.closed) return 'lost-closed';
  if (ep.unentangled) return 'lost-unentangled';
  const twin = ep.twin;
  if (twin && !twin.neutered) {
    for (let i = 0; i < objects.length; i++) if (eps.peek(objects[i]) === twin) return 'doomed';
  }
  return 'sent';
};

const emit = (ctx: HookContext, eps: Endpoints, ep: Endpoint, args: IArguments, outcome: Outcome, error: { name: string; message: string } | null, objects: object[], described: Described[]) => {
  const moved = outcome === 'sent' || outcome === 'doomed';
  const transfer = described.length ? describeAfter(objects, described, moved, (p) => eps.peek(p)?.neutered === true) : [];
  if (moved) {
    for (let i = 0; i < objects.length; i++) {
      const moving = eps.peek(objects[i]);
      if (moving && moving.via === 'port') {
        moving.neutered = true;
        dropExpected(moving);
      }
    }
    // Doomed: the twin travelled through its own channel, so no port of it can reach the other again.
    if (outcome === 'doomed') ep.unentangled = true;
  }
  // An object is previewed only when the browser cloned it: a value that could be cloned holds no
  // Proxy, so reading it through descriptors runs no page code. Chromium returns before cloning on a
  // closed or neutered port, and a failed clone may have stopped at a Proxy: those show primitives only.
  const value = args[0];
  const primitive = value === null || (typeof value !== 'object' && typeof value !== 'function');
  const exact = { exact: false, nodes: 0 };
  const data = moved || primitive ? preview(value, (o) => ctx.ports.peek(o), exact) : null;
  // The twin's receive record reuses this preview when the clone cannot differ from it.
  if (outcome === 'sent' && ep.via === 'port') expectAtTwin(ep, exact.exact && objects.length === 0 ? data : null, exact.nodes);
  const msg = ctx.channel.nextId();
  // The usual port message travels without its usual values (wire-preview.ts restores them).
  if (outcome === 'sent' && ep.via === 'port' && ep.name === null && transfer.length === 0) ctx.channel.emit({ k: 'port-send', msg, port: ep.id, data });
  else ctx.channel.emit({ k: 'port-send', msg, via: ep.via, port: ep.id, name: ep.name, data, transfer, outcome, error, call: outcome === 'sent' ? null : callSite() });
};
