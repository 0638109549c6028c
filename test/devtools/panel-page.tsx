// A standalone Postscope panel for tests and screenshots: the real App, fed through the in-memory
// transport instead of the background (see panel/transport/transport.ts). The page exposes `feed`
// so a test can play the background; nothing here ships in the extension.
import { createRoot } from 'react-dom/client';
import { App } from '../../panel/App';
import { memoryTransport } from '../../panel/transport/transport';
import type { BackgroundToPanel, PanelToBackground } from '../../extension/protocol';
import { batches, history } from './synthetic.mjs';

const params = new URLSearchParams(location.search);
const { transport, sent, feed } = memoryTransport();
const page = globalThis as unknown as { postscope: { feed: (m: BackgroundToPanel) => void; sent: PanelToBackground[]; synthetic: unknown } };
// The synthetic generator runs in the page, so a test can play a million messages without shipping them over CDP.
page.postscope = { feed, sent, synthetic: { batches, history } };
const host = {
  theme: params.get('theme') === 'dark' ? ('dark' as const) : ('light' as const),
  onThemeChange: null,
  openResource: null,
  evalInPage: null,
  resources: null,
  storage: localStorage,
};
createRoot(document.getElementById('root')!).render(<App transport={transport} tabId={1} host={host} version="test" openWindow={null} />);
