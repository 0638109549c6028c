import { EventIsTrusted, N, NP, call } from './natives';
import { objectIds } from './object-ids';
import { UNDEFINED, preview } from './preview';
import { LIMITS } from '../../extension/protocol/limits';
import { newInbox, takeExpected, type Inbox } from './inbox';
import type { HookContext } from './context';

// Every object that sends or receives channel messages in this context (MessagePort, Worker,
// BroadcastChannel, the ServiceWorkerContainer) gets one Endpoint, kept in a WeakMap keyed by the
// object: the hook never keeps a page object alive. On first sight an endpoint gets a capture-phase
// message listener through the native addEventListener (at the target, capture listeners run first,
// DOM "inner invoke" order since Chrome 89), which records receives before any page listener runs.
// Adding a listener does not start a MessagePort (only start() and setting onmessage do), and does
// not keep an unstarted port alive (Blink keeps a port alive only while started and entangled).

export type Via = 'port' | 'worker' | 'service-worker' | 'broadcast';
/** How an endpoint came to be known; 'channel' and 'container' are not announced with a port-seen record (the channel record or nothing says it). */
export type SeenVia = 'channel' | 'container' | 'received' | 'worker' | 'shared-worker' | 'service-worker' | 'broadcast' | 'unknown';

export interface Endpoint {
  readonly id: string;
  readonly via: Via;
  /** BroadcastChannel name, worker script URL. */
  readonly name: string | null;
  /** The entangled port, while both are in this context and the channel is intact. */
  twin: Endpoint | null;
  started: boolean;
  closed: boolean;
  neutered: boolean;
  /** The channel is gone (its twin was closed, or transferred through this port: doomed). */
  unentangled: boolean;
  /** Our message listener is attached. */
  listening: boolean;
  /** Previews of messages its same-document twin sent, not yet arrived (inbox.ts). */
  inbox: Inbox;
}

export interface Endpoints {
  /** The endpoint of `o`, recorded and listened to on first sight. */
  see(o: object, via: Via, seen: SeenVia, msg: string | null, name: string | null): Endpoint;
  peek(o: object): Endpoint | null;
  /** Marks a port started (by start() or by setting onmessage) and records it once. */
  started(ep: Endpoint, how: 'start' | 'onmessage'): void;
  bufferId(b: object): string;
  /** Attaches the message listener to an endpoint that was seen without one. */
  listen(o: object): void;
}

const NO_PORTS: readonly MessagePort[] = [];

/** The endpoint of `o`, when it is an object the hook has seen. */
export const peekObject = (eps: Endpoints, o: unknown): Endpoint | null => (typeof o === 'object' && o !== null ? eps.peek(o) : null);

export const clipName = (s: string): string => (s.length > LIMITS.url ? call<string>(N.StringSlice, s, 0, LIMITS.url) : s);

export const openEndpoints = (ctx: HookContext): Endpoints => {
  const known = new N.WeakMap<object, Endpoint>();
  const others = objectIds(ctx.channel.key, 'e');
  const buffers = objectIds(ctx.channel.key, 'a');
  // Reports collection without holding the object: the held value is the id string only.
  const collected = watchCollection((id: string) => {
    ctx.channel.emit({ k: 'port-state', port: id, state: 'collected', how: 'gc' });
  });

  // Each endpoint has its own listeners, one per event type, which know the endpoint and the type:
  // reading event.currentTarget and event.type through their native getters, and the endpoint
  // from the WeakMap, was most of a receive's cost on a port flood.
  const onReceive = (ep: Endpoint, event: Event, type: 'message' | 'messageerror') => {
    try {
      const trusted = call<boolean>(EventIsTrusted, event);
      // A port delivers only once its queue is enabled; if start() was not seen, setting onmessage did it.
      if (ep.via === 'port' && !ep.started && trusted) api.started(ep, 'onmessage');
      const kept = trusted && ep.via === 'port' ? takeExpected(ep) : null;
      const msg = ctx.channel.nextId();
      // A kept preview means nothing was transferred: the event's ports list is empty.
      const ports: string[] = [];
      const portsList = kept === null ? call<readonly MessagePort[]>(N.MessageEventPorts, event) : NO_PORTS;
      for (let i = 0; i < portsList.length && i < LIMITS.transfer; i++) call(N.ArrayPush, ports, api.see(portsList[i], 'port', 'received', msg, null).id);
      const data = type === 'messageerror' ? UNDEFINED : kept ?? preview(call(N.MessageEventData, event), (o) => ctx.ports.peek(o));
      // The usual port message travels without its usual values (wire-preview.ts restores them).
      if (type === 'message' && ep.via === 'port' && ep.name === null && ports.length === 0) ctx.channel.emit({ k: 'port-recv', msg, port: ep.id, data });
      else ctx.channel.emit({ k: 'port-recv', msg, via: ep.via, port: ep.id, name: ep.via === 'service-worker' ? serviceWorkerName(event) : ep.name, type, data, ports });
    } catch {
      // Recording must never break the page.
    }
  };

  const api: Endpoints = {
    see(o, via, seen, msg, name) {
      const have = call<Endpoint | undefined>(N.WeakMapGet, known, o);
      if (have) return have;
      const id = via === 'port' ? ctx.ports.idOf(o) : others.idOf(o);
      const ep: Endpoint = { id, via, name, twin: null, started: false, closed: false, neutered: false, unentangled: false, listening: false, inbox: newInbox() };
      call(N.WeakMapSet, known, o, ep);
      // Blink keeps a BroadcastChannel alive while it has message listeners: ours is attached only
      // once the page listens itself (wrap-broadcast.ts), so a channel the page drops can be collected.
      if (via !== 'broadcast') api.listen(o);
      call(N.addEventListener, o, 'messageerror', (event: Event) => onReceive(ep, event, 'messageerror'), true);
      if (collected && via === 'port') call(N.FinalizationRegister!, collected, o, id);
      if (seen !== 'channel' && seen !== 'container') ctx.channel.emit({ k: 'port-seen', port: id, via: seen, msg, name });
      return ep;
    },
    started(ep, how) {
      if (ep.started || ep.neutered) return;
      ep.started = true;
      ctx.channel.emit({ k: 'port-state', port: ep.id, state: 'started', how });
    },
    peek: (o) => call<Endpoint | undefined>(N.WeakMapGet, known, o) ?? null,
    bufferId: (b) => buffers.idOf(b),
    listen(o) {
      const ep = call<Endpoint | undefined>(N.WeakMapGet, known, o);
      if (!ep || ep.listening) return;
      ep.listening = true;
      call(N.addEventListener, o, 'message', (event: Event) => onReceive(ep, event, 'message'), true);
    },
  };
  return api;
};

const watchCollection = (cb: (id: string) => void): FinalizationRegistry<string> | null =>
  N.FinalizationRegistry ? new N.FinalizationRegistry<string>((id) => {
    try {
      cb(id);
    } catch {
      // Recording must never break the page.
    }
  }) : null;

/** The script URL of the ServiceWorker that sent a message to this page, through native getters. */
const serviceWorkerName = (event: Event): string | null => {
  try {
    const source = call<object | null>(N.MessageEventSource, event);
    if (!source || !NP.ServiceWorkerScriptURL) return null;
    return clipName(call<string>(NP.ServiceWorkerScriptURL, source));
  } catch {
    return null;
  }
};
