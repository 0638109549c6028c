import type { HookContext } from './context';

/** MessageChannel, MessagePort, workers and BroadcastChannel capture (issue 3). */
export const capturePorts = (_ctx: HookContext): void => {};
