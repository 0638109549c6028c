#!/usr/bin/env node
// `npx postscope`: runs the bundled CLI (dist/cli/postscope.mjs, written by build.mjs next to the
// extension it loads), building dist/ first when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'postscope.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('postscope: dist/ is missing: building it (node build.mjs)\n');
  const built = spawnSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !existsSync(bundle)) {
    process.stderr.write('postscope: error: the build failed: run "npm run build" and fix its errors\n');
    process.exit(2);
  }
}
await import(pathToFileURL(bundle).href);
