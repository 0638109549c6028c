// `npm run screenshots`: screenshots of every Postscope view in real DevTools, light and dark, taken
// while the bundled demo runs (demo/), written to docs/screenshots/<view>-<theme>.png.
// DevTools follows the system theme by default, so the dark run uses Chromium's --force-dark-mode.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../test/support/server.mjs';
import { launch } from '../test/support/browser.mjs';
import { openPanel } from '../test/support/devtools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');

if (!process.env.DISPLAY && existsSync('/usr/bin/xvfb-run')) {
  const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1600x1000x24', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

/** Clicks the demo's buttons once the widget is connected, so every view has something to show. */
async function playDemo(tab) {
  await tab.waitForSelector('#pay');
  // The widget announces itself and the shop answers with a channel; until then Pay logs "not connected".
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    const before = await tab.$eval('#log', (l) => l.textContent);
    await tab.click('#pay');
    if ((await tab.$eval('#log', (l) => l.textContent)) === before) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const id of ['pay', 'mismatch', 'worker', 'broadcast', 'burst']) await tab.click(`#${id}`);
}

async function shoot(theme) {
  const server = await serve(['demo']);
  const ctx = await launch({ devtools: true, headless: false, args: ['--window-size=1400,900', ...(theme === 'dark' ? ['--force-dark-mode'] : [])] });
  try {
    const tab = (await ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await ctx.browser.newPage());
    await tab.goto(server.url('A', '/'));
    await playDemo(tab);
    const { devtools, panel } = await openPanel(ctx);
    // Undocked, DevTools fills its own window, as a user with the panel open all day has it.
    await devtools.evaluate(async () => {
      const UI = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
      UI.DockController.DockController.instance().setDockSide('undocked');
    });
    await devtools.setViewport({ width: 1280, height: 720 });
    await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length > 10, { timeout: 20000 });
    const views = [
      ['timeline', async () => {
        await panel.click('.grid-row[aria-rowindex="3"]');
        await panel.waitForSelector('[data-testid=details]');
      }],
      ['channels', () => panel.waitForSelector('[data-testid=channels] svg, .empty')],
      ['frames', () => panel.waitForSelector('[data-testid=frames]')],
      ['neutered', () => panel.waitForSelector('[data-testid=neutered], .empty')],
      ['audits', () => panel.waitForSelector('[data-testid=audits]')],
    ];
    for (const [view, ready] of views) {
      await panel.click(`[data-tab=${view}]`);
      await ready();
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const file = join(out, `${view}-${theme}.png`);
      await devtools.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
  } finally {
    await ctx.close();
    await server.close();
  }
}

mkdirSync(out, { recursive: true });
for (const theme of ['light', 'dark']) await shoot(theme);
