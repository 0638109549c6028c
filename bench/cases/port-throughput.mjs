// MessagePort throughput: 100,000 small messages within a frame and to a cross-origin frame.
const N = 100_000;
const per = { n: N, unit: 'µs/msg', scale: 1000 };

export default [
  {
    id: 'port-local',
    title: `MessagePort, ${N.toLocaleString('en')} small msgs, same frame`,
    rounds: 3,
    budget: 1.5,
    per,
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((n) => window.bench.portLocal(n), N),
  },
  {
    id: 'port-cross',
    title: `MessagePort, ${N.toLocaleString('en')} small msgs, to cross-site frame`,
    rounds: 3,
    budget: 1.5,
    per,
    prepare: (side) => side.open('/bench.html'),
    measure: (side) => side.page.evaluate((n) => window.bench.portCross(n), N),
  },
];
