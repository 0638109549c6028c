// Opens real DevTools on the Postscope panel and returns the panel's frame. Chromium must be
// launched headful with { devtools: true } (puppeteer adds --auto-open-devtools-for-tabs and, with
// handleDevToolsAsPage, exposes the DevTools window as a page).

/** The DevTools front-end page attached to `page`'s tab (the newest one when several are open). */
export async function devtoolsFor(ctx, { timeout = 15000 } = {}) {
  const target = await ctx.browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/'), { timeout });
  const dpage = await target.asPage();
  await dpage.waitForFunction(() => globalThis.InspectorFrontendAPI !== undefined, { timeout });
  return dpage;
}

/**
 * Selects the Postscope panel. Extension panels are registered under "<extension origin><title>"
 * and only once the devtools page has run, so showPanel is retried until the panel's frame exists.
 */
export async function openPanel(ctx, { timeout = 15000 } = {}) {
  const dpage = await devtoolsFor(ctx, { timeout });
  const id = `chrome-extension://${ctx.extensionId}Postscope`;
  const deadline = Date.now() + timeout;
  for (;;) {
    await dpage.evaluate((id) => globalThis.InspectorFrontendAPI.showPanel(id), id).catch(() => undefined);
    const frame = dpage.frames().find((f) => f.url().startsWith(`chrome-extension://${ctx.extensionId}/panel.html`));
    if (frame) {
      await frame.waitForSelector('#root > *', { timeout });
      return { devtools: dpage, panel: frame };
    }
    if (Date.now() > deadline) throw new Error('the Postscope panel did not appear in DevTools');
    await new Promise((r) => setTimeout(r, 100));
  }
}
