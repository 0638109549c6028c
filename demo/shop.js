// The shop (top frame). Deliberately mixes good and bad messaging practice so every Postscope view
// has something to show.
const WIDGET = '{{B}}';
const log = (s) => { document.getElementById('log').textContent += s + '\n'; };
const widget = () => document.getElementById('widget').contentWindow;
let port = null;

// Bypassable origin check: 'http://localhost.evil.test' contains 'localhost' too.
addEventListener('message', (event) => {
  if (event.origin.indexOf('localhost') === -1) return;
  const msg = event.data;
  if (msg && msg.type === 'ready') {
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e) => log('widget says ' + JSON.stringify(e.data));
    widget().postMessage({ type: 'connect' }, WIDGET, [channel.port2]);
  }
});

document.getElementById('pay').onclick = () => {
  if (!port) return log('widget not connected yet');
  port.postMessage({ type: 'pay', amount: 42, session: 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiZGVtbyJ9.c2lnbmF0dXJl' });
};
document.getElementById('mismatch').onclick = () => {
  // Dropped silently by the browser: the widget is not on this origin.
  widget().postMessage({ type: 'theme', dark: true }, 'http://localhost:1');
};

const worker = new Worker('/hash-worker.js');
worker.onmessage = (e) => log('worker hashed ' + e.data.bytes + ' bytes: ' + e.data.sum);
document.getElementById('worker').onclick = () => {
  const buffer = new Uint8Array(1 << 16).map((_, i) => i & 255).buffer;
  worker.postMessage({ buffer }, [buffer]);
  log('buffer after transfer: ' + buffer.byteLength + ' bytes (neutered)');
};

const cart = new BroadcastChannel('cart');
document.getElementById('broadcast').onclick = () => cart.postMessage({ items: 3, total: 99.5 });
document.getElementById('burst').onclick = () => {
  for (let i = 0; i < 200; i++) window.postMessage({ tick: i }, location.origin);
};
