// Latency from a message being posted to its record being stored by the background (seen through
// chrome.storage.onChanged in the service worker) and, with the panel open, shown in the panel's
// DOM (MutationObserver, then the next animation frame). All three clocks are Date.now() on one
// machine; samples are spaced so that each message travels in its own batch.
const SAMPLES = 40;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function measureLatency(side, samples = SAMPLES) {
  await side.open('/bench.html');
  const worker = await side.ctx.worker();
  const tag = `lat${Date.now().toString(36)}`;
  await worker.evaluate((tag) => {
    const seen = (globalThis.__benchSeen = new Map());
    const markerOf = (rec) => {
      const d = rec && rec.data;
      const hit = d && d.t === 'object' && d.entries.find(([k]) => k === 'marker');
      return hit && hit[1].t === 'string' && hit[1].v.startsWith(tag) ? hit[1].v : null;
    };
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      const now = Date.now();
      for (const [key, change] of Object.entries(changes)) {
        // A history chunk is stored as one JSON string (history-store.ts).
        if (!key.includes(':c:') || typeof change.newValue !== 'string') continue;
        for (const e of JSON.parse(change.newValue).slice(-64)) {
          const m = markerOf(e.rec);
          if (m && !seen.has(m)) seen.set(m, now);
        }
      }
    });
  }, tag);
  const panel = side.panel();
  if (panel) {
    await panel.evaluate((tag) => {
      const seen = (window.__benchSeen = new Map());
      const scan = (text) => {
        let i = text.indexOf(tag);
        while (i >= 0) {
          const m = /^lat[0-9a-z]+-\d+/.exec(text.slice(i));
          if (m && !seen.has(m[0])) {
            seen.set(m[0], null);
            requestAnimationFrame(() => seen.set(m[0], Date.now()));
          }
          i = text.indexOf(tag, i + 1);
        }
      };
      new MutationObserver((list) => {
        for (const r of list) {
          if (r.type === 'characterData') scan(r.target.data ?? '');
          for (const n of r.addedNodes) scan(n.textContent ?? '');
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, tag);
  }
  const posted = new Map();
  for (let i = 0; i < samples; i++) {
    const marker = `${tag}-${i}`;
    posted.set(marker, await side.page.evaluate((m) => window.bench.mark(m), marker));
    await sleep(60 + (i % 5) * 20);
  }
  await sleep(1500);
  const stored = new Map(await worker.evaluate(() => [...globalThis.__benchSeen]));
  const shown = panel ? new Map(await panel.evaluate(() => [...window.__benchSeen])) : new Map();
  const storage = [];
  const inPanel = [];
  for (const [m, t] of posted) {
    if (stored.has(m)) storage.push(stored.get(m) - t);
    if (typeof shown.get(m) === 'number') inPanel.push(shown.get(m) - t);
  }
  return { samples, storage, panel: panel ? inPanel : null };
}
