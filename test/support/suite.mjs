import { before, after } from 'node:test';
import * as esbuild from 'esbuild';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

/**
 * The fixture server and one browser for a test file: started before its first test, closed after
 * its last. `open` is launch()'s options, or a function that opens something else with a close()
 * (Firefox, the transparency rig) or null; `prepare(env)`, when given, runs next, in the same hook
 * (separate `before` hooks of one file are not ordered). `env.server` and `env.ctx` are set once
 * `before` ran.
 */
export function suite(open = {}, prepare = null) {
  const start = typeof open === 'function' ? open : () => launch(open);
  const env = { server: null, ctx: null };
  before(async () => {
    env.server = await serve();
    env.ctx = await start();
    if (prepare) await prepare(env);
  });
  after(async () => {
    await env.ctx?.close();
    await env.server?.close();
  });
  return env;
}

/** A panel model module (TypeScript) bundled for node, for tests that check the browser against it. */
export async function loadModel(entry) {
  const built = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  return import('data:text/javascript;base64,' + Buffer.from(built.outputFiles[0].text).toString('base64'));
}
