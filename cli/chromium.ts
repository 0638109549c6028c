import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CliError, progress } from './errors';

// Launches the system's Chromium with the built extension. Postscope never downloads a browser:
// puppeteer-core has no bundled one, and we only look where a system install puts it.

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const findChromium = (given: string | null): string => {
  if (given) {
    if (!executable(given)) throw new CliError(`--browser ${given}: not an executable file`);
    return given;
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new CliError('no Chromium found on PATH or at /usr/bin/chromium: install it (Debian: apt-get install chromium) or pass --browser PATH. Postscope never downloads a browser.');
};

/** dist/chrome next to the bundled CLI (dist/cli). */
export const extensionDir = (distDir: string): string => {
  const dir = join(distDir, 'chrome');
  if (!existsSync(join(dir, 'manifest.json'))) throw new CliError(`the extension is not built (${dir} is missing): run "npm run build" first`);
  return dir;
};

export const extensionVersion = (dir: string): string => {
  const manifest: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const v = (manifest as { version?: unknown }).version;
  return typeof v === 'string' ? v : 'unknown';
};

/** Flags for a quiet, offline Chromium that never phones home. */
const ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-sandbox',
  '--site-per-process',
];

export interface Launched {
  browser: Browser;
  close(): Promise<void>;
}

export const launchWithExtension = async (executablePath: string, extension: string): Promise<Launched> => {
  progress(`launching ${executablePath}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'postscope-cli-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      pipe: true,
      // Loaded once, through the protocol: adding --load-extension as well loads it twice, and the
      // first copy's service worker target lingers without extension APIs ("chrome is not defined").
      enableExtensions: [extension],
      args: ARGS,
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new CliError(`could not start ${executablePath}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};
