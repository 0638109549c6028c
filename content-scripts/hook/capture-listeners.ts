import { listenerRegistry } from './listener-registry';
import { installEventGetters, prepareOperationTracers } from './origin-trace';
import { wrapAddRemove } from './wrap-listeners';
import { wrapHandlers } from './wrap-handlers';
import type { HookContext } from './context';

/** Message listener registration and per-listener origin-check tracing (issue 4). */
export const captureListeners = (ctx: HookContext): void => {
  prepareOperationTracers();
  installEventGetters();
  const registry = listenerRegistry(ctx);
  wrapAddRemove(ctx, registry);
  wrapHandlers(ctx, registry);
};
