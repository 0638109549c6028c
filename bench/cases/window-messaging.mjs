// Window messaging: 10,000 messages to a cross-site child, each echoed back (20,000 deliveries,
// every one recorded by the receiving frame's hook).
const N = 10_000;

export default [
  {
    id: 'window-roundtrip',
    title: `window.postMessage, ${N.toLocaleString('en')} to cross-site child and back`,
    rounds: 3,
    budget: 1.5,
    per: { n: N, unit: 'µs/round trip', scale: 1000 },
    expect: `≈ ${2 * N}`,
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((n) => window.bench.windowRoundTrip(n), N),
  },
];
