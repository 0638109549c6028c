import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { App } from './App';
import { runtimePortTransport } from './transport/runtime-port';

/** In DevTools the inspected tab is known; standalone, the tab comes from `?tab=`. */
const tabId = (): number => {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  return browser.devtools.inspectedWindow.tabId;
};

createRoot(document.getElementById('root')!).render(<App transport={runtimePortTransport()} tabId={tabId()} />);
