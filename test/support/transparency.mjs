// Runs the same fixture page in a browser without Postscope and in one with it, and returns what
// the page reported in both, so a test can assert the page behaved identically.
//
// A transparency fixture sets `window.__done` to a promise of a JSON-serializable report (values,
// exception names and messages, event orders, descriptor shapes, getter counts...). Reports must
// not contain things that legitimately differ between runs (timestamps, random ids).
import { launch, unique } from './browser.mjs';

/** Launches both browsers once; call `run(url)` per fixture, then `close()`. */
export async function transparencyRig() {
  const plain = await launch({ extension: false });
  const hooked = await launch({ extension: true });
  const runIn = async (ctx, url) => {
    const page = await ctx.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    try {
      await page.goto(unique(url));
      await page.waitForFunction(() => window.__done !== undefined, { timeout: 15000, polling: 20 });
      const report = await page.evaluate(() => window.__done);
      return { report, errors };
    } finally {
      await page.close();
    }
  };
  return {
    plain,
    hooked,
    /** Reports from the page without and with the extension. */
    async run(url) {
      const [without, withExt] = await Promise.all([runIn(plain, url), runIn(hooked, url)]);
      return { without, with: withExt };
    },
    async close() {
      await Promise.all([plain.close(), hooked.close()]);
    },
  };
}
