// Runs the node unit tests (TypeScript through tsx). Node 20's test runner takes no globs, so the
// files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const dir = 'test/unit';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.test\.(ts|mjs)$/.test(f)).map((f) => `${dir}/${f}`) : [];
if (files.length === 0) {
  console.error('no unit tests found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
