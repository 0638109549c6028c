// Postscope's page hook: MAIN world, document_start, every frame. It must run before any page
// script, capture the natives it needs first (./natives is the first import), install once, and
// never throw into page code.
import { N } from './natives';
import { openChannel } from './channel';
import { objectIds } from './object-ids';
import { patchToString } from './native-look';
import { announceFrame } from './frame-info';
import { captureWindowReceive } from './capture-window-receive';
import { capturePorts } from './capture-ports';
import { captureListeners } from './capture-listeners';
import type { HookContext } from './context';

/** A registry-free install guard: a non-enumerable symbol that only this script's realm holds. */
const INSTALLED = Symbol.for('postscope.hook.installed');

const install = () => {
  const g = N.global as unknown as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  N.defineProperty(g, INSTALLED, { value: true, enumerable: false, configurable: false, writable: false });
  const channel = openChannel();
  const ctx: HookContext = {
    channel,
    ports: objectIds(channel.key, 'p'),
    self: typeof N.window === 'object' && N.window ? N.window : null,
  };
  patchToString();
  announceFrame(ctx);
  captureWindowReceive(ctx);
  capturePorts(ctx);
  captureListeners(ctx);
};

try {
  install();
} catch {
  // The hook must never break the page; a failed install leaves the page untouched.
}
