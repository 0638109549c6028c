import { useEffect, useReducer } from 'react';
import { PROTOCOL_VERSION } from '../extension/protocol';
import type { Transport } from './transport/transport';
import { initialState, reduce } from './store/reducer';
import { Timeline } from './views/Timeline';
import { ChannelsPlain } from './views/ChannelsPlain';

export function App({ transport, tabId }: { transport: Transport; tabId: number }) {
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  useEffect(() => {
    const off = transport.addListener(dispatch);
    const subscribe = () => transport.postMessage({ v: PROTOCOL_VERSION, type: 'subscribe', tabId });
    const offDisconnect = transport.onDisconnect(subscribe);
    subscribe();
    return () => {
      off();
      offDisconnect();
    };
  }, [transport, tabId]);
  const clear = () => transport.postMessage({ v: PROTOCOL_VERSION, type: 'clear', tabId });
  return (
    <div className="app">
      <div className="toolbar">
        <button onClick={clear} title="Clear">Clear</button>
        <span data-testid="count">{state.entries.length} records</span>
        {state.stats.malformed > 0 && <span className="warn">{state.stats.malformed} malformed dropped</span>}
        {state.stats.evicted > 0 && <span className="warn">{state.stats.evicted} evicted (history limit)</span>}
      </div>
      <Timeline entries={state.entries} frames={state.frames} />
      <ChannelsPlain entries={state.entries} frames={state.frames} />
    </div>
  );
}
