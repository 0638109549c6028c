// Postscope's page hook: MAIN world, document_start, every frame. It must run before any page
// script, capture the natives it needs first (./natives is the first import), install once, and
// never throw into page code.
import { N, call } from './natives';
import { openChannel } from './channel';
import { objectIds } from './object-ids';
import { patchToString } from './native-look';
import { announceFrame } from './frame-info';
import { captureWindowReceive } from './capture-window-receive';
import { capturePorts } from './capture-ports';
import { captureListeners } from './capture-listeners';
import type { HookContext } from './context';

/**
 * Install-once guard that leaves no property on the page's global: an installed hook cancels a
 * probe event on `document`; a second injection into the same document sees it cancelled and stops.
 */
const PROBE = 'postscope-installed-v1';
const alreadyInstalled = (): boolean => {
  const doc = N.document;
  if (!doc) return false;
  const init = N.create(null) as CustomEventInit;
  init.cancelable = true;
  const probe = N.construct(N.CustomEvent, [PROBE, init]) as Event;
  if (!call<boolean>(N.dispatchEvent, doc, probe)) return true;
  call(N.addEventListener, doc, PROBE, (e: Event) => call(N.EventPreventDefault, e), true);
  return false;
};

const install = () => {
  if (alreadyInstalled()) return;
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
