import { useEffect, type Dispatch } from 'react';
import { PROTOCOL_VERSION, type BackgroundToPanel } from '../extension/protocol';
import type { Transport } from './transport/transport';
import { PANEL_LIMIT, type PanelAction } from './store/reducer';

/** Most records handed to the reducer per frame: bounds the work of describing new rows per frame. */
export const RECORDS_PER_FRAME = 4000;

const size = (m: BackgroundToPanel): number => (m.type === 'entries' || m.type === 'history' ? m.entries.length : 0);

/**
 * Subscribes to the tab and hands what arrives to the reducer once per animation frame, at most
 * RECORDS_PER_FRAME records at a time: a page flooding a million messages costs one bounded update
 * per frame. When more records wait than the panel keeps at all, the oldest waiting live batches
 * are skipped (and counted) since they would be dropped right after being added.
 */
export const useBatchedTransport = (transport: Transport, tabId: number, dispatch: Dispatch<PanelAction>): void => {
  useEffect(() => {
    let queue: BackgroundToPanel[] = [];
    let waiting = 0;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (frame) return;
      // A hidden panel gets no animation frames; the timer keeps the queue draining meanwhile.
      frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, 250);
    };
    const flush = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      let skipped = 0;
      while (waiting > PANEL_LIMIT + RECORDS_PER_FRAME) {
        const i = queue.findIndex((m) => m.type === 'entries');
        if (i < 0) break;
        const n = size(queue[i]);
        skipped += n;
        waiting -= n;
        queue.splice(i, 1);
      }
      let budget = RECORDS_PER_FRAME;
      let take = 0;
      while (take < queue.length && (budget > 0 || size(queue[take]) === 0)) budget -= size(queue[take++]);
      const msgs = queue.slice(0, take);
      queue = queue.slice(take);
      waiting -= RECORDS_PER_FRAME - budget;
      dispatch({ type: 'receive', msgs, at: Date.now(), skipped });
      if (queue.length) schedule();
    };
    const off = transport.addListener((msg) => {
      queue.push(msg);
      waiting += size(msg);
      schedule();
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
