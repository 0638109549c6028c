// Launches Debian's firefox-esr with the built Firefox add-on (dist/firefox) through puppeteer-core
// (WebDriver BiDi), and reads what Postscope stored from one of the add-on's own pages.
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIREFOX_EXTENSION_DIR = join(root, 'dist', 'firefox');
const ADDON_ID = 'postscope@postscope.dev';
/** A fixed internal UUID (pref extensions.webextensions.uuids), so the add-on's pages have a known URL. */
const UUID = '6f1e3c2a-5b4d-4e8f-9a7b-1c2d3e4f5a6b';

export const firefoxPath = () => [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p)) ?? null;

export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Firefox 153+ refuses WebDriver navigation to moz-extension: pages without system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  let extPage = null;
  /** A tab on the add-on's panel page, where `browser.*` APIs can be called. */
  const extension = async () => {
    if (extPage) return extPage;
    extPage = await browser.newPage();
    // BiDi never reports the load of moz-extension: documents: navigate without waiting, poll instead.
    void extPage.goto(`moz-extension://${UUID}/panel.html?tab=1`, { timeout: 5000 }).catch(() => undefined);
    await extPage.waitForFunction(() => typeof browser !== 'undefined' && browser.storage !== undefined, { timeout: 15000, polling: 50 });
    return extPage;
  };
  return {
    browser,
    /** Every entry stored for the tab whose URL is `url`, oldest first. */
    async entries(url) {
      const ext = await extension();
      return ext.evaluate(async (u) => {
        const tab = (await browser.tabs.query({})).find((t) => t.url === u);
        if (!tab) return [];
        // The background is an event page here: the panel page asks it with its own reader, and
        // copies the answer (its objects belong to the background window, which may unload).
        const bg = await browser.runtime.getBackgroundPage();
        return JSON.parse(JSON.stringify((await bg.postscopeHistory(tab.id)).entries));
      }, url);
    },
    close: () => browser.close().catch(() => undefined),
  };
}
