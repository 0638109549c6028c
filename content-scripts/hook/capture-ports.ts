import { openEndpoints } from './endpoints';
import { wrapPorts } from './wrap-port';
import { wrapWorkers } from './wrap-worker';
import { wrapBroadcast } from './wrap-broadcast';
import type { HookContext } from './context';

/** MessageChannel, MessagePort, workers and BroadcastChannel capture (issue 3). */
export const capturePorts = (ctx: HookContext): void => {
  const eps = openEndpoints(ctx);
  // Each part installs on its own: an API missing or locked in this realm leaves the others (and
  // the captures installed after this one) working.
  for (const install of [wrapPorts, wrapWorkers, wrapBroadcast]) {
    try {
      install(ctx, eps);
    } catch {
      // The page keeps the native API; nothing of it is recorded.
    }
  }
};
