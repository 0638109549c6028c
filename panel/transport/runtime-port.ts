import browser, { type Runtime } from 'webextension-polyfill';
import { backgroundToPanelSchema, validate, type BackgroundToPanel } from '../../extension/protocol';
import type { Transport } from './transport';

/**
 * A transport over a runtime port to the background. The service worker may be stopped at any
 * time, which disconnects the port; the transport reconnects and reports the disconnect so the
 * panel can resubscribe (the background then replays the tab's history, and the store dedups).
 */
export const runtimePortTransport = (): Transport => {
  const listeners = new Set<(msg: BackgroundToPanel) => void>();
  const disconnects = new Set<() => void>();
  let port: Runtime.Port;
  const connect = () => {
    port = browser.runtime.connect({ name: 'postscope-panel' });
    port.onMessage.addListener((msg: unknown) => {
      const result = validate(backgroundToPanelSchema, msg);
      if (result.ok) listeners.forEach((fn) => fn(result.value));
    });
    port.onDisconnect.addListener(() => {
      connect();
      disconnects.forEach((fn) => fn());
    });
  };
  connect();
  return {
    addListener(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    postMessage(msg) {
      port.postMessage(msg);
    },
    onDisconnect(fn) {
      disconnects.add(fn);
      return () => disconnects.delete(fn);
    },
  };
};
