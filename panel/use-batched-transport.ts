import { useEffect, type Dispatch } from 'react';
import { PROTOCOL_VERSION, type BackgroundToPanel } from '../extension/protocol';
import type { Transport } from './transport/transport';
import type { PanelAction } from './store/reducer';

/**
 * Subscribes to the tab and hands what arrives to the reducer once per animation frame: a page
 * flooding a million messages costs one state update per frame, not one per batch.
 */
export const useBatchedTransport = (transport: Transport, tabId: number, dispatch: Dispatch<PanelAction>): void => {
  useEffect(() => {
    let queue: BackgroundToPanel[] = [];
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      const msgs = queue;
      queue = [];
      dispatch({ type: 'receive', msgs, at: Date.now() });
    };
    const off = transport.addListener((msg) => {
      queue.push(msg);
      if (frame) return;
      // A hidden panel gets no animation frames; the timer keeps the queue from growing meanwhile.
      frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, 250);
    });
    const subscribe = () => transport.postMessage({ v: PROTOCOL_VERSION, type: 'subscribe', tabId });
    const offDisconnect = transport.onDisconnect(subscribe);
    subscribe();
    return () => {
      off();
      offDisconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [transport, tabId, dispatch]);
};
