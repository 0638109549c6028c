import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { LIMITS, PROTOCOL_VERSION, sessionFileSchema, validate, type SessionMeta } from '../extension/protocol';
import type { ModelInput } from '../panel/model/input';
import { COVERAGE_NOTES, toSession } from '../panel/model/session';
import type { RecordOptions } from './args';
import { extensionDir, extensionVersion, findChromium, launchWithExtension } from './chromium';
import { CliError, progress } from './errors';
import { extensionStarted, settle, tabIdOf } from './extension-records';
import { collectScripts } from './script-sources';
import { scanSources } from './static-scan';

// `postscope record`: one page in a fresh headless Chromium with the extension, recorded from the
// first script of the first frame until the wait condition holds and the records stop arriving.

export interface Recording {
  input: ModelInput;
  meta: SessionMeta;
}

type Flow = (page: Page) => Promise<unknown>;

const loadFlow = async (path: string): Promise<Flow> => {
  const file = isAbsolute(path) ? path : resolve(process.cwd(), path);
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new CliError(`--script ${path}: could not load it: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof mod.default !== 'function') throw new CliError(`--script ${path}: must export a default async function (page) => { ... }`);
  return mod.default as Flow;
};

/** Rejects with a CliError naming `what` when `deadline` passes first. */
const within = async <T>(deadline: number, timeoutS: number, what: string, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliError(`timed out after ${timeoutS} s ${what}`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
};

const firstLine = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

const waitFor = async (page: Page, condition: string, deadline: number): Promise<void> => {
  const timeout = Math.max(1, deadline - Date.now());
  if (condition === 'load') return;
  if (condition === 'idle') {
    await page.waitForNetworkIdle({ idleTime: 500, timeout });
    return;
  }
  await page.waitForSelector(condition, { timeout });
};

export const record = async (opts: RecordOptions, distDir: string): Promise<Recording> => {
  const flow = opts.script ? await loadFlow(opts.script) : null;
  const extension = extensionDir(distDir);
  const chromium = findChromium(opts.browser);
  const launched = await launchWithExtension(chromium, extension);
  try {
    const { browser } = launched;
    await extensionStarted(browser);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const scripts = await collectScripts(browser, page);
    progress(`loading ${opts.url}`);
    // The timeout covers the page, not the browser's start-up.
    const deadline = Date.now() + opts.timeout * 1000;
    const response = await within(deadline, opts.timeout, `loading ${opts.url}`, page.goto(opts.url, { waitUntil: 'load', timeout: 0 })).catch((e: unknown) => {
      throw e instanceof CliError ? e : new CliError(`could not load ${opts.url}: ${firstLine(e)}`);
    });
    if (response && response.status() >= 400) throw new CliError(`could not load ${opts.url}: the server answered ${response.status()} ${response.statusText()}`);
    if (flow) {
      progress(`running ${opts.script}`);
      await within(deadline, opts.timeout, `running ${opts.script}`, flow(page)).catch((e: unknown) => {
        throw e instanceof CliError ? e : new CliError(`--script ${opts.script} failed: ${firstLine(e)}`);
      });
    }
    progress(`waiting for ${opts.waitFor}`);
    await within(deadline, opts.timeout, `waiting for ${opts.waitFor}`, waitFor(page, opts.waitFor, deadline)).catch((e: unknown) => {
      if (e instanceof CliError) throw e;
      throw new CliError(e instanceof Error && e.name === 'TimeoutError' ? `timed out after ${opts.timeout} s waiting for ${opts.waitFor}` : `waiting for ${opts.waitFor} failed: ${firstLine(e)}`);
    });
    const tabId = await tabIdOf(browser, page);
    // A page that never stops messaging is cut 5 s after the condition held.
    const tab = await settle(browser, tabId, Date.now() + 5000);
    progress(`recorded ${tab.entries.length} records in ${tab.frames.length} frames`);
    const sources = await scripts.finish();
    const staticSites = scanSources(sources);
    progress(`read ${sources.length} scripts: ${staticSites.length} postMessage calls and message listeners`);
    const input: ModelInput = { entries: tab.entries, frames: tab.frames, staticSites };
    const meta: SessionMeta = {
      created: new Date().toISOString(),
      recorder: 'cli',
      url: page.url().slice(0, LIMITS.url),
      title: (await page.title().catch(() => '')).slice(0, 256) || null,
      browser: (await browser.version()).slice(0, 256),
      extensionVersion: extensionVersion(extension),
      protocolVersion: PROTOCOL_VERSION,
      stats: tab.stats,
      coverage: [...COVERAGE_NOTES, 'Static analysis read the scripts still in memory when recording ended; workers\' scripts are not read.'],
    };
    // What is written must read back: a record the session format cannot hold is a bug to report, not a file to write.
    const checked = validate(sessionFileSchema, toSession(input, meta));
    if (!checked.ok) throw new CliError(`the recording does not fit the session format (${checked.error}): please report this`);
    return { input, meta };
  } finally {
    await launched.close();
  }
};
