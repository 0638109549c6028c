import { openEndpoints } from './endpoints';
import { wrapPorts } from './wrap-port';
import { wrapWorkers } from './wrap-worker';
import { wrapBroadcast } from './wrap-broadcast';
import type { HookContext } from './context';

/** MessageChannel, MessagePort, workers and BroadcastChannel capture (issue 3). */
export const capturePorts = (ctx: HookContext): void => {
  const eps = openEndpoints(ctx);
  wrapPorts(ctx, eps);
  wrapWorkers(ctx, eps);
  wrapBroadcast(ctx, eps);
};
