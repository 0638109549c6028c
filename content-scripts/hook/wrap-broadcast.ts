import { N, NP, call } from './natives';
import { replaceConstructor, replaceMethod } from './replace-native';
import { sendWrapper } from './record-send';
import { onListenerChange } from './listener-events';
import { clipName, peekObject, type Endpoints } from './endpoints';
import type { HookContext } from './context';

// BroadcastChannel: the constructor is a Proxy (see replaceConstructor) so every channel is known
// with its name from the start; postMessage and close are wrapped. BroadcastChannel has no transfer
// list and takes its origin from the channel, not the caller (HTML "broadcasting to other
// browsing contexts"), so wrapping changes nothing a receiver sees.

type Fn = (...a: never[]) => unknown;

export const wrapBroadcast = (ctx: HookContext, eps: Endpoints): void => {
  const Ctor = NP.BroadcastChannel;
  const getName = NP.BroadcastChannelName;
  if (!Ctor || !getName) return;
  replaceConstructor('BroadcastChannel', Ctor, (bc) => {
    eps.see(bc, 'broadcast', 'broadcast', null, clipName(call<string>(getName, bc)));
  });
  const post = NP.BroadcastChannelPostMessage;
  const close = NP.BroadcastChannelClose;
  const wrappers = {
    close(this: unknown) {
      const result = N.apply(close as Fn, this, arguments as unknown as unknown[]);
      try {
        const ep = typeof this === 'object' && this !== null ? eps.peek(this) : null;
        if (ep && !ep.closed) {
          ep.closed = true;
          ctx.channel.emit({ k: 'port-state', port: ep.id, state: 'closed', how: 'close' });
        }
      } catch {
        // Recording must never break the page.
      }
      return result;
    },
  };
  onListenerChange((c) => {
    if (c.type === 'message' && c.added && eps.peek(c.target)?.via === 'broadcast') eps.listen(c.target);
  });
  // A closed BroadcastChannel throws InvalidStateError: recorded as 'threw' with that exception.
  if (post) replaceMethod(Ctor.prototype, 'postMessage', sendWrapper(ctx, eps, post as Fn, (self) => peekObject(eps, self), false));
  if (close) replaceMethod(Ctor.prototype, 'close', wrappers.close as Fn);
};
