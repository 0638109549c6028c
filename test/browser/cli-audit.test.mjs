import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../support/server.mjs';
import { runCli } from './cli-support.mjs';

// `postscope audit` against fixture pages: planted findings fail the run with SARIF naming their
// lines, a clean page passes, and auditing a recorded session gives what the live run gave.

let server, dir, live;
before(async () => {
  server = await serve();
  dir = mkdtempSync(join(tmpdir(), 'postscope-cli-audit-'));
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each SARIF result as "rule uri:line:col", sorted. */
const findings = (sarif) =>
  sarif.runs[0].results
    .flatMap((r) => r.locations.map((l) => `${r.ruleId} ${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region?.startLine}:${l.physicalLocation.region?.startColumn}`))
    .sort();

test('a page with planted findings fails the run, and the SARIF names the right script lines', async () => {
  const r = await runCli(['audit', server.url('A', '/cli-planted.html'), '--format', 'sarif', '--fail-on', 'wildcard,no-origin-check']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /running \d+ audits/);
  live = JSON.parse(r.stdout);
  assert.equal(live.version, '2.1.0');
  assert.deepEqual(findings(live), [
    `missing-origin-check ${server.url('A', '/cli-planted.js')}:4:1`,
    `wildcard-target-origin ${server.url('A', '/cli-planted.html')}:8:77`,
    `wildcard-target-origin ${server.url('A', '/cli-planted.js')}:7:67`,
  ]);
  for (const result of live.runs[0].results) assert.equal(result.level, 'error');
});

test('recording to a file and auditing the file gives the same findings as the live run', async () => {
  assert.ok(live, 'needs the live run above');
  const session = join(dir, 'session.json');
  const rec = await runCli(['record', server.url('A', '/cli-planted.html'), '--out', session]);
  assert.equal(rec.code, 0, rec.stderr);
  const r = await runCli(['audit', session, '--format', 'sarif', '--fail-on', 'wildcard,no-origin-check']);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(findings(JSON.parse(r.stdout)), findings(live));
  assert.doesNotMatch(r.stderr, /launching/, 'a session file is audited without a browser');

  const html = join(dir, 'report.html');
  const h = await runCli(['audit', session, '--format', 'html', '--out', html, '--fail-on', 'none']);
  assert.equal(h.code, 0, 'failures not selected by --fail-on do not fail the run');
  const page = readFileSync(html, 'utf8');
  assert.match(page, /FAIL<\/span> <code>wildcard-target-origin<\/code>/);
  assert.match(page, /cli-planted\.js:4:1/);
  assert.ok(!/<script/i.test(page));
});

test('a clean page passes with exit code 0 and no SARIF results', async () => {
  const r = await runCli(['audit', server.url('A', '/cli-clean.html'), '--format', 'sarif']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).runs[0].results, []);
});

test('the bundled demo: its look-alike origin check and wildcard sends fail the run', async () => {
  const r = await runCli(['audit', server.url('A', '/index.html'), '--format', 'json', '--wait-for', 'idle']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  const failedIds = report.audits.filter((a) => a.failed).map((a) => a.id);
  assert.ok(failedIds.includes('bypassable-origin-check') && failedIds.includes('wildcard-target-origin'), failedIds.join());
  const bypass = report.audits.find((a) => a.id === 'bypassable-origin-check');
  assert.ok(bypass.items.some((i) => i.locations.some((l) => l.url === server.url('A', '/shop.js'))), 'located in shop.js');
  assert.deepEqual(report.failOnMatched, failedIds);
});

test('--fail-on with an unknown audit is a usage error before any browser starts', async () => {
  const r = await runCli(['audit', server.url('A', '/cli-clean.html'), '--fail-on', 'wildcards']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--fail-on: no audit named wildcards; audits are: wildcard-target-origin, /);
  assert.doesNotMatch(r.stderr, /launching/);
});
