// Shared by the CLI browser tests. Runs the postscope CLI (cli/postscope.mjs) as a child process, asynchronously so fixture servers in
// the test process keep answering.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {Promise<{ code: number | null, stdout: string, stderr: string }>} */
export const runCli = (args, { cwd = root } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'cli', 'postscope.mjs'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
