import { EventIsTrusted, N, call } from './natives';
import { UNDEFINED, preview } from './preview';
import { describeWindow } from './window-ref';
import type { HookContext } from './context';

// Records every message and messageerror event dispatched on this window. The listener is added at
// document_start, before any page script, in the capture phase, so it runs before every page
// listener; it reads the event only through getters captured from this realm (the page cannot see
// or count those reads) and never changes the event.

export const captureWindowReceive = (ctx: HookContext): void => {
  const self = ctx.self;
  if (!self) return;
  const onEvent = (event: Event) => {
    try {
      const type = call<string>(N.EventType, event);
      const portsList = call<readonly MessagePort[]>(N.MessageEventPorts, event);
      const ports: string[] = [];
      for (let i = 0; i < portsList.length; i++) call(N.ArrayPush, ports, ctx.ports.idOf(portsList[i]));
      ctx.channel.emit({
        k: 'win-recv',
        msg: ctx.channel.nextId(),
        type: type === 'messageerror' ? 'messageerror' : 'message',
        origin: call<string>(N.MessageEventOrigin, event),
        source: describeWindow(self, call(N.MessageEventSource, event)),
        data: type === 'messageerror' ? UNDEFINED : preview(call(N.MessageEventData, event), (o) => ctx.ports.peek(o)),
        ports,
        trusted: call<boolean>(EventIsTrusted, event),
      });
    } catch {
      // Recording must never break the page.
    }
  };
  call(N.addEventListener, self, 'message', onEvent, true);
  call(N.addEventListener, self, 'messageerror', onEvent, true);
};
