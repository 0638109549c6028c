// Runs the browser and DevTools suites (real Chromium with the built extension). Uses Xvfb when a
// test needs a headful browser and no display is present.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const dirs = ['test/browser', 'test/devtools'];
const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.test.mjs')).map((f) => `${d}/${f}`));
const filter = process.argv.slice(2);
const chosen = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
const needsDisplay = !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
const cmd = needsDisplay ? 'xvfb-run' : process.execPath;
const args = [...(needsDisplay ? ['-a', '-s', '-screen 0 1600x1000x24', process.execPath] : []), '--test', '--test-concurrency=2', '--test-timeout=120000', ...chosen];
const r = spawnSync(cmd, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
