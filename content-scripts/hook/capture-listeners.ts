import type { HookContext } from './context';

/** Message listener registration and per-listener origin-check tracing (issue 4). */
export const captureListeners = (_ctx: HookContext): void => {};
