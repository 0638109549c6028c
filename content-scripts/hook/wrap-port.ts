import { N, NP, call } from './natives';
import { callSite } from './call-site';
import { replaceGetter, replaceMethod } from './replace-native';
import { sendWrapper } from './record-send';
import { dropExpected } from './inbox';
import { onListenerChange } from './listener-events';
import type { Endpoint, Endpoints } from './endpoints';
import type { HookContext } from './context';

// MessageChannel and MessagePort. The constructor is left alone (identity, instanceof, subclassing
// and toString stay native); a channel is observed the first time the page reads port1 or port2,
// which it must do to use it. postMessage, start and close are wrapped on MessagePort.prototype:
// a port has no incumbent-dependent behaviour, so a wrapper changes nothing the receiver sees.

type Fn = (...a: never[]) => unknown;

/** The endpoint of a port the page uses; null when `o` is not a MessagePort (the native will throw). */
const portOf = (eps: Endpoints, o: unknown): Endpoint | null => {
  if (typeof o !== 'object' || o === null) return null;
  const ep = eps.peek(o);
  if (ep) return ep;
  if (!NP.MessagePortOnMessage) return null;
  try {
    N.apply(NP.MessagePortOnMessage, o, []);
  } catch {
    return null;
  }
  return eps.see(o, 'port', 'unknown', null, null);
};

export const wrapPorts = (ctx: HookContext, eps: Endpoints): void => {
  observeChannels(ctx, eps);
  const proto = NP.MessagePort ? NP.MessagePort.prototype : null;
  const post = NP.MessagePortPostMessage;
  const start = NP.MessagePortStart;
  const close = NP.MessagePortClose;
  const wrappers = {
    start(this: unknown) {
      const result = N.apply(start as Fn, this, arguments as unknown as unknown[]);
      try {
        const ep = portOf(eps, this);
        if (ep) eps.started(ep, 'start');
      } catch {
        // Recording must never break the page.
      }
      return result;
    },
    close(this: unknown) {
      const result = N.apply(close as Fn, this, arguments as unknown as unknown[]);
      try {
        const ep = portOf(eps, this);
        // close() on a neutered or already closed port does nothing (spec 5.3).
        if (ep && !ep.closed && !ep.neutered) {
          ep.closed = true;
          dropExpected(ep);
          if (ep.twin) {
            ep.twin.unentangled = true;
            ep.twin.twin = null;
            ep.twin = null;
          }
          ctx.channel.emit({ k: 'port-state', port: ep.id, state: 'closed', how: 'close' });
        }
      } catch {
        // Recording must never break the page.
      }
      return result;
    },
  };
  if (post) replaceMethod(proto, 'postMessage', sendWrapper(ctx, eps, post as Fn, (self) => portOf(eps, self), true));
  if (start) replaceMethod(proto, 'start', wrappers.start as Fn);
  if (close) replaceMethod(proto, 'close', wrappers.close as Fn);

  // Ports that arrive in window messages: the window receive capture names them, this gives them
  // an endpoint (and so a receive listener) before any page listener can start them.
  const self = ctx.self;
  if (self) {
    call(N.addEventListener, self, 'message', (event: Event) => {
      try {
        const ports = call<readonly MessagePort[]>(N.MessageEventPorts, event);
        for (let i = 0; i < ports.length; i++) eps.see(ports[i], 'port', 'received', null, null);
      } catch {
        // Recording must never break the page.
      }
    }, true);
  }

  // Setting onmessage starts a port (spec 5.3); the listeners capture publishes it.
  onListenerChange((c) => {
    if (c.how !== 'onmessage' || !c.added) return;
    const ep = eps.peek(c.target);
    if (ep && ep.via === 'port') eps.started(ep, 'onmessage');
  });
};

/** Wraps the port1/port2 getters: the first read of either records the channel and entangles its two endpoints. */
const observeChannels = (ctx: HookContext, eps: Endpoints): void => {
  const get1 = NP.MessageChannelPort1;
  const get2 = NP.MessageChannelPort2;
  const proto = NP.MessageChannel ? NP.MessageChannel.prototype : null;
  if (!get1 || !get2 || !proto) return;
  const seen = new N.WeakSet<object>();
  let next = 0;
  const see = (ch: object) => {
    if (call<boolean>(N.WeakSetHas, seen, ch)) return;
    call(N.WeakSetAdd, seen, ch);
    const a = eps.see(call<object>(get1, ch), 'port', 'channel', null, null);
    const b = eps.see(call<object>(get2, ch), 'port', 'channel', null, null);
    a.twin = b;
    b.twin = a;
    ctx.channel.emit({ k: 'channel', ch: 'c' + ctx.channel.key + '.' + next++, port1: a.id, port2: b.id, call: callSite() });
  };
  const getters = {
    get port1() {
      const port = N.apply(get1, this, []);
      try {
        see(this as unknown as object);
      } catch {
        // Recording must never break the page.
      }
      return port;
    },
    get port2() {
      const port = N.apply(get2, this, []);
      try {
        see(this as unknown as object);
      } catch {
        // Recording must never break the page.
      }
      return port;
    },
  };
  const d = N.getOwnPropertyDescriptor(getters, 'port1');
  const d2 = N.getOwnPropertyDescriptor(getters, 'port2');
  if (d && d.get) replaceGetter(proto, 'port1', d.get as Fn);
  if (d2 && d2.get) replaceGetter(proto, 'port2', d2.get as Fn);
};
