import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { loadModel, suite } from '../support/suite.mjs';

// The verdicts, checked against the real browser: every bypassable verdict's example origin is
// served (look-alike *.test names resolve to loopback) and really gets through its listener's
// check; strict listeners reject every one of those origins.

let model;
const env = suite({}, async () => {
  model = await loadModel('panel/model/origin-check.ts');
});

const EXPECTED = {
  indexOfCheck: 'bypassable',
  startsWithCheck: 'bypassable',
  endsWithCheck: 'bypassable',
  truthyIndexOf: 'bypassable',
  unanchoredRegExp: 'bypassable',
  unescapedDot: 'bypassable',
  searchCheck: 'bypassable',
  matchString: 'bypassable',
  reversedCheck: 'bypassable',
  nullAllowed: 'bypassable',
  dataFirst: 'bypassable',
  strictEquality: 'strict',
  strictList: 'strict',
  strictRegExp: 'strict',
  subdomainHost: 'strict',
  sourceOnly: 'source-only',
  replyOnly: 'read-only',
  noCheck: 'none',
};

test('bypassable verdicts name origins that really pass; strict listeners reject them all', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('XA', '/listeners-victim.html')));
  const es = await waitForEntries(env.ctx, page, (es) => {
    const names = new Map(es.filter((e) => e.rec.k === 'listener-add').map((e) => [e.rec.listener, e.rec.name]));
    const ran = new Set(es.filter((e) => e.rec.k === 'listener-run').map((e) => names.get(e.rec.listener)));
    return Object.keys(EXPECTED).every((n) => ran.has(n)) ? es : null;
  }, { what: 'a run of every listener' });
  const verdicts = new Map(model.listenerVerdicts({ entries: es.filter((e) => e.frameId === 0), frames: [] }).map((v) => [v.name, v]));
  for (const [name, kind] of Object.entries(EXPECTED)) {
    const v = verdicts.get(name);
    assert.ok(v, name);
    assert.equal(v.kind, kind, `${name}: ${v.kind} (${v.reason})`);
  }

  // Serve every example origin the test env.server can answer for (its port is ours), plus 'null'.
  const port = new URL(env.server.origins.XA).port;
  const provable = [...verdicts.values()].filter((v) => v.kind === 'bypassable' && (v.example === 'null' || new URL(v.example).port === port));
  const unprovable = [...verdicts.values()].filter((v) => v.kind === 'bypassable' && !provable.includes(v)).map((v) => v.name);
  assert.deepEqual(unprovable, ['reversedCheck'], 'only the reversed check needs a host without a port');
  const attackers = [...new Set(provable.map((v) => v.example))];
  for (const origin of attackers) await page.evaluate((o) => window.attack(o), origin);
  await page.waitForFunction((want) => want.every((o) => window.seen.some(([n, from]) => n === 'noCheck' && from === o)), { timeout: 15000, polling: 50 }, attackers);
  const seen = await page.evaluate(() => window.seen);
  for (const v of provable) assert.ok(seen.some(([n, from]) => n === v.name && from === v.example), `${v.name}: ${v.example} gets through (${v.reason})`);
  for (const [name, kind] of Object.entries(EXPECTED)) {
    if (kind !== 'strict') continue;
    assert.deepEqual(seen.filter(([n, from]) => n === name && attackers.includes(from)), [], `${name} rejects every attacker`);
  }
  await page.close();
});
