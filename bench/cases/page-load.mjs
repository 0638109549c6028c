// Page load: a page with 20 iframes (10 same-origin, 10 cross-site), time to its `load` event.
// The hook's own cost per frame shows as the delay before each document's first page script:
// content scripts injected at document_start (Postscope's hook and bridge) run before it.
import { within } from '../side.mjs';

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

export default [
  {
    id: 'page-load-20',
    title: 'page load, 20 iframes, to load event',
    rounds: 5,
    budget: null,
    per: { n: 21, unit: 'ms/frame', scale: 1 },
    cpu: false,
    // Navigation replaces the out-of-process frames: only the top frame's process (which also
    // hosts the 10 same-origin frames) can be profiled across a load.
    profileTopOnly: true,
    alwaysProfile: true,
    prepare: () => undefined,
    async measure(side) {
      await side.open('/load20.html');
      const load = await side.page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
      const firsts = [];
      for (const frame of side.page.frames()) {
        // Bounded: a frame that is still navigating (or detached) must not stall the round.
        const t = await within(frame.evaluate(() => window.firstScript), 3000);
        if (typeof t === 'number') firsts.push(t);
      }
      return {
        ms: load,
        extras: {
          'first page script, top frame (ms)': firsts[0] ?? null,
          'first page script, median of 20 iframes (ms)': median(firsts.slice(1)),
          'frames measured': firsts.length,
        },
      };
    },
  },
];
