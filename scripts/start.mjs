// `npm start`: serves the bundled multi-origin demo, launches Debian's Chromium with the built
// extension (dist/chrome), opens DevTools on the Postscope panel, and runs until the browser closes.
// With --check it instead waits until the panel lists the demo's first messages, prints what it
// saw and exits (used by the test suite to keep the README's first command true).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../test/support/server.mjs';
import { launch } from '../test/support/browser.mjs';
import { openPanel } from '../test/support/devtools.mjs';

const check = process.argv.includes('--check');

// DevTools needs a headful browser: without a display, rerun under a virtual one when available.
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (existsSync('/usr/bin/xvfb-run')) {
    if (!check) console.log('No display found: running under xvfb-run (a virtual display); set DISPLAY to see the browser.');
    const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1600x1000x24', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  console.error('No display (DISPLAY is not set) and no xvfb-run: Chromium with DevTools needs a display.');
  process.exit(2);
}

const server = await serve(['demo']);
const ctx = await launch({ devtools: true, headless: false, args: ['--window-size=1500,950'] });
// The first tab (not the DevTools window, which handleDevToolsAsPage also lists as a page).
const tab = (await ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await ctx.browser.newPage());
await tab.goto(server.url('A', '/'));
const { panel } = await openPanel(ctx);
console.log(`Postscope is recording ${server.url('A', '/')} (origins ${server.origins.A}, ${server.origins.B}, ${server.origins.C}).`);

if (check) {
  await panel.waitForFunction(() => document.querySelectorAll('[data-kind]').length >= 3, { timeout: 20000 });
  const rows = await panel.$$eval('[data-kind]', (rs) => rs.map((r) => r.getAttribute('data-kind')));
  console.log(`panel shows ${rows.length} rows: ${[...new Set(rows)].join(', ')}`);
  await ctx.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  ctx.browser.on('disconnected', async () => {
    await server.close();
    process.exit(0);
  });
}
