// Synthetic records for panel tests and screenshots: realistic shapes, deterministic content.
export const V = 1;

export const frames = (A, B) => [
  { frameId: 0, parentFrameId: -1, url: `${A}/`, origin: A, key: 'top', path: [], flavor: 'normal', gone: false, navigations: 1 },
  { frameId: 3, parentFrameId: 0, url: `${B}/widget.html`, origin: B, key: 'widget', path: [0], flavor: 'normal', gone: false, navigations: 1 },
  { frameId: 4, parentFrameId: 0, url: `${A}/helper.html`, origin: A, key: 'helper', path: [1], flavor: 'normal', gone: false, navigations: 1 },
];

const str = (v) => ({ t: 'string', v, len: v.length });
const num = (n) => ({ t: 'number', v: String(n) });
const obj = (o) => ({ t: 'object', cls: 'Object', entries: Object.entries(o), more: 0 });

/** The n-th synthetic message: window receives both ways, port traffic, a few drops and wildcards. */
export function entry(n, t0, A, B) {
  const t = t0 + n * 3;
  const data = obj({ type: str(['cart', 'price', 'ping', 'resize'][n % 4]), seq: num(n), note: str(`item ${n % 97}`) });
  switch (n % 10) {
    case 0: case 1: case 2: case 3:
      return { frameId: 3, doc: null, key: 'widget', rec: { seq: n, t, k: 'win-recv', msg: `widget:${n}`, type: 'message', origin: A, source: { rel: 'parent', path: [] }, data, ports: [], trusted: true } };
    case 4: case 5: case 6:
      return { frameId: 0, doc: null, key: 'top', rec: { seq: n, t, k: 'win-recv', msg: `top:${n}`, type: 'message', origin: B, source: { rel: 'child', path: [0] }, data, ports: [], trusted: true } };
    case 7:
      return { frameId: 0, doc: null, key: 'top', rec: { seq: n, t, k: 'port-send', msg: `top:${n}`, via: 'port', port: 'p1', name: null, data, transfer: [], outcome: n % 70 === 7 ? 'lost-closed' : 'sent', error: null, call: { url: `${A}/shop.js`, line: 12, col: 5, fn: 'pay' } } };
    case 8:
      return { frameId: 3, doc: null, key: 'widget', rec: { seq: n, t, k: 'port-recv', msg: `widget:${n}`, via: 'port', port: 'p2', name: null, type: 'message', data, ports: [] } };
    default:
      return { frameId: 4, doc: null, key: 'helper', rec: { seq: n, t, k: 'win-send', msg: `helper:${n}`, method: 'static', target: { rel: 'parent', path: [] }, targetOrigin: n % 30 === 9 ? '*' : A, recipientOrigin: A, recipientInitialBlank: false, transfer: [], data, call: null, outcome: n % 50 === 9 ? 'dropped-mismatch' : 'delivered', error: null } };
  }
}

/** `count` records as background 'entries' messages of at most 500 each (the protocol's batch bound). */
export function batches(count, t0, A, B, start = 0) {
  const out = [];
  for (let i = start; i < start + count; i += 500) {
    const entries = [];
    for (let n = i; n < Math.min(start + count, i + 500); n++) entries.push(entry(n, t0, A, B));
    out.push({ v: V, type: 'entries', tabId: 1, entries });
  }
  return out;
}

export const history = (A, B) => ({ v: V, type: 'history', tabId: 1, entries: [], frames: frames(A, B), stats: { malformed: 0, evicted: 0, stored: 0 } });
