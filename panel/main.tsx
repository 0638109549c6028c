import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { App } from './App';
import { chromeHost } from './host';
import { runtimePortTransport } from './transport/runtime-port';

/** In DevTools the inspected tab is known; standalone, the tab comes from `?tab=`. */
const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
const standalone = Number.isInteger(fromQuery) && fromQuery > 0;
const tabId = standalone ? fromQuery : browser.devtools.inspectedWindow.tabId;
const devtools = standalone ? undefined : globalThis.chrome?.devtools;
const host = chromeHost(devtools, localStorage, matchMedia('(prefers-color-scheme: dark)').matches);
const openWindow = standalone ? null : () => window.open(`panel.html?tab=${tabId}`, `postscope-${tabId}`, 'popup,width=1200,height=760');

createRoot(document.getElementById('root')!).render(
  <App transport={runtimePortTransport()} tabId={tabId} host={host} version={browser.runtime.getManifest().version} openWindow={openWindow} />,
);
