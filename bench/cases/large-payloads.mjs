// Large payloads: structured clones of 1 MB, and transfers of 10 MB ArrayBuffers, to a cross-site frame.
// DevTools closed only, to keep the run near 8 minutes: no budget is set for them with DevTools open.
const MB = 1 << 20;

export default [
  {
    id: 'window-1mb',
    title: 'window.postMessage, 100 x 1 MB to cross-site child',
    rounds: 3,
    modes: ['closed'],
    budget: null,
    per: { n: 100, unit: 'ms/msg', scale: 1 },
    expect: '≈ 100',
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((mb) => window.bench.windowLarge(100, mb), MB),
  },
  {
    id: 'port-1mb',
    title: 'MessagePort, 100 x 1 MB to cross-site child',
    rounds: 3,
    modes: ['closed'],
    budget: null,
    per: { n: 100, unit: 'ms/msg', scale: 1 },
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((mb) => window.bench.portCross(100, mb), MB),
  },
  {
    id: 'window-transfer-10mb',
    title: 'window.postMessage, 20 x 10 MB ArrayBuffer transferred',
    rounds: 3,
    modes: ['closed'],
    budget: null,
    per: { n: 20, unit: 'ms/transfer', scale: 1 },
    expect: '≈ 20',
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((mb) => window.bench.windowTransfer(20, 10 * mb), MB),
  },
];
