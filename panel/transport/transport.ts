import type { BackgroundToPanel, PanelToBackground } from '../../extension/protocol';

/**
 * How the panel talks to whatever feeds it: a runtime port in the extension, a window in the
 * standalone page, an in-memory pair in tests. The panel receives one and never knows which.
 */
export interface Transport {
  addListener(fn: (msg: BackgroundToPanel) => void): () => void;
  postMessage(msg: PanelToBackground): void;
  /** Called when the other side went away (service worker stopped); the panel resubscribes. */
  onDisconnect(fn: () => void): () => void;
}

/** An in-memory transport: `feed` plays the background. Used by tests and by imported sessions. */
export const memoryTransport = () => {
  const listeners = new Set<(msg: BackgroundToPanel) => void>();
  const sent: PanelToBackground[] = [];
  const transport: Transport = {
    addListener(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    postMessage(msg) {
      sent.push(msg);
    },
    onDisconnect() {
      return () => undefined;
    },
  };
  return { transport, sent, feed: (msg: BackgroundToPanel) => listeners.forEach((fn) => fn(msg)) };
};
