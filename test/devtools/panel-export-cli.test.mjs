import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPanel } from '../support/devtools.mjs';
import { runCli } from '../browser/cli-support.mjs';
import { suite } from '../support/suite.mjs';

// One session format for the panel and the CLI: a session exported from the panel in real DevTools
// audits in `postscope audit` exactly like the CLI's own live run of the same page.

const env = suite({ devtools: true, headless: false });
const downloads = mkdtempSync(join(tmpdir(), 'postscope-export-'));
after(() => rmSync(downloads, { recursive: true, force: true }));

const findings = (sarif) =>
  sarif.runs[0].results
    .flatMap((r) => r.locations.map((l) => `${r.ruleId} ${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region?.startLine}:${l.physicalLocation.region?.startColumn}`))
    .sort();

test('a session exported from the DevTools panel audits in the CLI like the CLI\'s live run', async () => {
  const url = env.server.url('A', '/cli-planted.html');
  const page = (await env.ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await env.ctx.browser.newPage());
  // The exact URL the CLI loads: findings name script URLs, the page's own included.
  await page.goto(url);
  const { panel } = await openPanel(env.ctx);
  // The panel reads the page's scripts for static analysis: wait for its findings in the Audits view.
  await panel.evaluate(() => [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent === 'Audits').click());
  await panel.waitForFunction(() => /cli-planted\.html:8/.test(document.body.textContent) && /cli-planted\.js:7/.test(document.body.textContent), { timeout: 20000 });
  const cdp = await env.ctx.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await panel.click('[data-testid=export]');
  let file;
  for (const deadline = Date.now() + 10000; !file && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    file = readdirSync(downloads).find((f) => f.endsWith('.json'));
  }
  assert.ok(file, 'the panel exported a session file');
  const fromPanel = await runCli(['audit', join(downloads, file), '--format', 'sarif', '--fail-on', 'wildcard,no-origin-check']);
  const live = await runCli(['audit', url, '--format', 'sarif', '--fail-on', 'wildcard,no-origin-check']);
  assert.equal(fromPanel.code, 1, fromPanel.stderr);
  assert.equal(live.code, 1, live.stderr);
  assert.deepEqual(findings(JSON.parse(fromPanel.stdout)), findings(JSON.parse(live.stdout)));
  assert.ok(findings(JSON.parse(live.stdout)).length >= 3);
  await cdp.detach();
});
