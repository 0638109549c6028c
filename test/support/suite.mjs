import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

/**
 * The fixture server and one browser with the extension for a test file: started before its first
 * test, closed after its last. `env.server` and `env.ctx` are set once `before` has run.
 */
export function suite(options) {
  const env = { server: null, ctx: null };
  before(async () => {
    env.server = await serve();
    env.ctx = await launch(options);
  });
  after(async () => {
    await env.ctx?.close();
    await env.server?.close();
  });
  return env;
}
