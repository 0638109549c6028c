import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve } from '../support/server.mjs';
import { runCli, root } from './cli-support.mjs';

// `postscope record` against fixture pages: the session it writes, scripted flows, and the clear
// errors (exit code 2) for an unreachable page, a missing browser, a timeout and a bad session file.

const validSession = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(root, 'schemas/session.schema.json'), 'utf8')));
let server, dir;
before(async () => {
  server = await serve();
  dir = mkdtempSync(join(tmpdir(), 'postscope-cli-test-'));
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const readSession = (file) => {
  const session = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(validSession(session), `the session matches schemas/session.schema.json: ${JSON.stringify(validSession.errors?.[0])}`);
  return session;
};

test('record writes a valid session with every frame, message and listener of the page', async () => {
  const out = join(dir, 'planted.json');
  const url = server.url('A', '/cli-planted.html');
  const r = await runCli(['record', url, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /postscope: loading .*cli-planted\.html\npostscope: waiting for load\npostscope: recorded \d+ records in 2 frames/);
  const s = readSession(out);
  assert.equal(s.meta.recorder, 'cli');
  assert.equal(s.meta.url, url);
  assert.match(s.meta.browser, /Chrom/);
  const recv = s.entries.filter((e) => e.rec.k === 'win-recv');
  const A = server.origins.A;
  const B = server.origins.B;
  assert.deepEqual(recv.map((e) => `${e.frameId === 0 ? 'top' : 'child'} from ${e.rec.origin}`).sort(), [`child from ${A}`, `child from ${A}`, `top from ${B}`, `top from ${B}`], 'the two wildcard posts and their replies');
  assert.deepEqual(s.frames.map((f) => f.origin).sort(), [A, B].sort());
  const listener = s.entries.find((e) => e.rec.k === 'listener-add' && e.rec.name === 'onMessage');
  assert.ok(listener, 'the planted listener');
  assert.equal(listener.rec.call.url, server.url('A', '/cli-planted.js'));
  assert.equal(listener.rec.call.line, 4);
});

test('static analysis reads the scripts of every frame, inline ones placed at their line in the document', async () => {
  // 127.0.0.1 and localhost are different sites, so the child runs in its own process (site isolation).
  const out = join(dir, 'cross-site.json');
  const top = server.url('A', '/cli-planted.html').replace('localhost', '127.0.0.1');
  const r = await runCli(['record', top, '--out', out, '--wait-for', 'idle']);
  assert.equal(r.code, 0, r.stderr);
  const sites = readSession(out).staticSites.map((x) => `${x.kind} ${x.url}:${x.line}:${x.col}`).sort();
  const A = server.origins.A.replace('localhost', '127.0.0.1');
  assert.deepEqual(sites, [
    `listener ${A}/cli-planted.js:4:1`,
    `listener ${server.origins.B}/cli-child.html:6:3`,
    `send ${A}/cli-planted.html:8:77`,
    `send ${A}/cli-planted.js:7:67`,
    `send ${server.origins.B}/cli-child.html:8:12`,
  ]);
});

test('--script runs a flow on the page before the wait condition', async () => {
  const out = join(dir, 'flow.json');
  const r = await runCli(['record', server.url('A', '/cli-clean.html'), '--out', out, '--script', join(root, 'test/fixtures/cli-flow.mjs'), '--wait-for', 'body[data-replies="2"]']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /running .*cli-flow\.mjs/);
  const replies = readSession(out).entries.filter((e) => e.frameId === 0 && e.rec.k === 'win-recv');
  assert.equal(replies.length, 2, 'the load-time reply and the reply to the flow\'s click');
});

test('an unreachable URL, a missing browser, a timeout and a broken flow fail with exit code 2 and a clear message', async () => {
  const closed = createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const port = closed.address().port;
  await new Promise((r) => closed.close(r));
  const unreachable = await runCli(['record', `http://127.0.0.1:${port}/`, '--out', join(dir, 'x.json')]);
  assert.equal(unreachable.code, 2);
  assert.match(unreachable.stderr, /postscope: error: could not load http:\/\/127\.0\.0\.1:\d+\/: net::ERR_CONNECTION_REFUSED/);

  const noBrowser = await runCli(['record', server.url('A', '/cli-clean.html'), '--browser', join(dir, 'no-such-chromium')]);
  assert.equal(noBrowser.code, 2);
  assert.match(noBrowser.stderr, /--browser .*no-such-chromium: not an executable file/);

  const late = await runCli(['record', server.url('A', '/cli-clean.html'), '--wait-for', '#never', '--timeout', '3', '--out', join(dir, 'y.json')]);
  assert.equal(late.code, 2);
  assert.match(late.stderr, /timed out after 3 s waiting for #never/);

  const flow = join(dir, 'broken-flow.mjs');
  writeFileSync(flow, 'export default async () => { throw new Error("login button missing"); };\n');
  const broken = await runCli(['record', server.url('A', '/cli-clean.html'), '--script', flow, '--out', join(dir, 'z.json')]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /--script .*broken-flow\.mjs failed: login button missing/);
  assert.doesNotMatch(unreachable.stderr + noBrowser.stderr + late.stderr + broken.stderr, /\n\s+at /, 'no stack traces');
});

test('a session file that is not valid is refused with the first problem, exit code 2', async () => {
  const bad = join(dir, 'bad.json');
  const session = JSON.parse(readFileSync(join(root, 'test/fixtures/cli-session-sample.json'), 'utf8'));
  session.entries[2].rec.frameId = 'x';
  writeFileSync(bad, JSON.stringify(session));
  const r = await runCli(['audit', bad]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.json: invalid session file at \$\.entries\[2\]\.rec\.frameId: unexpected key/);
  const newer = join(dir, 'newer.json');
  writeFileSync(newer, JSON.stringify({ ...session, version: 99 }));
  const n = await runCli(['audit', newer, '--format', 'json']);
  assert.equal(n.code, 2);
  assert.match(n.stderr, /session version 99 was written by a newer Postscope/);
  assert.equal(n.stdout, '');
});
