import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main';

// Entry point of the bundle build.mjs writes to dist/cli/postscope.mjs; the extension is in ../chrome.
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
process.exitCode = await main(process.argv.slice(2), distDir);
