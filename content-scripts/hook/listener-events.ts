import { N, call } from './natives';

// A tiny in-hook bus: the listener instrumentation publishes every message-listener registration
// change it sees (addEventListener, on* property setters, removals), and capture modules that care
// subscribe (ports use it to know when a port was started implicitly by setting `onmessage`).

export interface ListenerChange {
  target: EventTarget;
  type: 'message' | 'messageerror';
  how: 'addEventListener' | 'onmessage' | 'onmessageerror';
  /** true when a listener was added or an on* handler set to a function. */
  added: boolean;
}

const subscribers: ((c: ListenerChange) => void)[] = [];

export const onListenerChange = (fn: (c: ListenerChange) => void): void => {
  call(N.ArrayPush, subscribers, fn);
};

export const publishListenerChange = (c: ListenerChange): void => {
  for (let i = 0; i < subscribers.length; i++) {
    try {
      subscribers[i](c);
    } catch {
      // A subscriber's failure must not reach the page.
    }
  }
};
