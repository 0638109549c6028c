import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeListener, type RunTrace } from '../../panel/model/origin-check';
import type { VerdictKind } from '../../panel/model/verdict-types';

// The verdict table: listener sources (and runtime traces) in the forms found on real sites. For
// each bypassable case, `accepts` is the listener's own check as a function: the verdict's example
// origin must really pass it. For strict cases, no origin from an attacker's usual set passes.

const FRAME = 'https://app.a.com';

type Op = RunTrace['ops'][number];
const op = (o: Partial<Op> & Pick<Op, 'op' | 'role' | 'recv' | 'args' | 'result'>): Op => ({ on: 'origin', afterData: false, ...o });
const run = (reads: RunTrace['reads'], ops: Op[] = []): RunTrace => ({ reads, ops, threw: false });
const q = JSON.stringify;

interface Case {
  name: string;
  source: string | null;
  runs?: RunTrace[];
  kind: VerdictKind;
  accepts?: (origin: string) => boolean;
}

const cases: Case[] = [
  { name: 'strict !== guard', source: "function (e) { if (e.origin !== 'https://a.com') return; use(e.data); }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: 'strict === arrow', source: "(e) => { if (e.origin === 'https://a.com') handle(e.data); }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: 'no check', source: 'e => { process(e.data) }', kind: 'none' },
  { name: 'indexOf !== -1', source: "function (e) { if (e.origin.indexOf('a.com') !== -1) run(e.data) }", kind: 'bypassable', accepts: (o) => o.indexOf('a.com') !== -1 },
  { name: 'includes', source: "function (e) { if (e.origin.includes('https://a.com')) run(e.data) }", kind: 'bypassable', accepts: (o) => o.includes('https://a.com') },
  { name: 'truthy indexOf', source: "function (e) { if (e.origin.indexOf('https://a.com')) run(e.data) }", kind: 'bypassable', accepts: (o) => !!o.indexOf('https://a.com') },
  { name: 'startsWith without boundary', source: "function (e) { if (!e.origin.startsWith('https://a.com')) return; run(e.data) }", kind: 'bypassable', accepts: (o) => o.startsWith('https://a.com') },
  { name: 'startsWith with port', source: "function (e) { if (!e.origin.startsWith('https://a.com:8443')) return; run(e.data) }", kind: 'strict', accepts: (o) => o.startsWith('https://a.com:8443') },
  { name: 'endsWith without dot', source: "function (e) { if (e.origin.endsWith('a.com')) run(e.data) }", kind: 'bypassable', accepts: (o) => o.endsWith('a.com') },
  { name: 'endsWith with dot', source: "function (e) { if (e.origin.endsWith('.a.com')) run(e.data) }", kind: 'strict', accepts: (o) => o.endsWith('.a.com') },
  { name: 'unanchored RegExp', source: 'function (e) { if (/https:\\/\\/a\\.com/.test(e.origin)) run(e.data) }', kind: 'bypassable', accepts: (o) => /https:\/\/a\.com/.test(o) },
  { name: 'unescaped dot RegExp', source: 'function (e) { if (/^https:\\/\\/www.a\\.com$/.test(e.origin)) run(e.data) }', kind: 'bypassable', accepts: (o) => /^https:\/\/www.a\.com$/.test(o) },
  { name: 'anchored escaped RegExp', source: 'function (e) { if (/^https:\\/\\/(www\\.)?a\\.com$/.test(e.origin)) run(e.data) }', kind: 'strict', accepts: (o) => /^https:\/\/(www\.)?a\.com$/.test(o) },
  { name: 'search with a string', source: "function (e) { if (e.origin.search('a.com') !== -1) run(e.data) }", kind: 'bypassable', accepts: (o) => o.search('a.com') !== -1 },
  { name: 'match with a string', source: "function (e) { if (e.origin.match('https://a.com')) run(e.data) }", kind: 'bypassable', accepts: (o) => !!o.match('https://a.com') },
  { name: 'array allow-list', source: "function (e) { if (['https://a.com', 'https://b.com'].includes(e.origin)) run(e.data) }", kind: 'strict', accepts: (o) => ['https://a.com', 'https://b.com'].includes(o) },
  { name: "allow-list with 'null'", source: "function (e) { const allowed = ['https://a.com', 'null']; if (!allowed.includes(e.origin)) return; run(e.data) }", kind: 'bypassable', accepts: (o) => ['https://a.com', 'null'].includes(o) },
  { name: 'reversed string check', source: "function (e) { if ('https://a.com https://b.com'.indexOf(e.origin) === -1) return; run(e.data) }", kind: 'bypassable', accepts: (o) => 'https://a.com https://b.com'.indexOf(o) !== -1 },
  { name: 'source only', source: 'function (e) { if (e.source !== window.parent) return; go(e.data) }', kind: 'source-only' },
  { name: 'origin only used for the reply', source: "e => e.source.postMessage('ack', e.origin)", kind: 'read-only' },
  { name: 'data used before the check', source: "function (e) { handle(e.data); if (e.origin !== 'https://a.com') return; done(); }", kind: 'bypassable', accepts: () => true },
  { name: 'native function, never ran', source: 'function () { [native code] }', kind: 'unknown' },
  { name: 'helper, never ran', source: 'e => { if (!isAllowed(e.origin)) return; go(e.data) }', kind: 'unknown' },
  {
    name: 'helper traced at runtime: endsWith without dot',
    source: 'e => { if (!isAllowed(e.origin)) return; go(e.data) }',
    runs: [run(['origin', 'data'], [op({ op: 'String.endsWith', role: 'this', recv: q('https://app.a.com'), args: [q('a.com')], result: 'true' })])],
    kind: 'bypassable',
    accepts: (o) => o.endsWith('a.com'),
  },
  {
    name: 'bound wrapper, traced Set allow-list',
    source: 'function () { [native code] }',
    runs: [run(['origin', 'data'], [op({ op: 'Set.has', role: 'arg', recv: 'Set{"https://a.com","https://b.com"}', args: [q('https://a.com')], result: 'true' })])],
    kind: 'strict',
    accepts: (o) => o === 'https://a.com' || o === 'https://b.com',
  },
  { name: 'URL hostname equality', source: "function (e) { const u = new URL(e.origin); if (u.hostname !== 'a.com') return; go(e.data) }", kind: 'strict', accepts: (o) => { try { return new URL(o).hostname === 'a.com'; } catch { return false; } } },
  { name: 'URL hostname endsWith without dot', source: "function (e) { if (new URL(e.origin).hostname.endsWith('a.com')) go(e.data) }", kind: 'bypassable', accepts: (o) => { try { return new URL(o).hostname.endsWith('a.com'); } catch { return false; } } },
  { name: 'destructured parameter', source: "({ origin, data }) => { if (origin !== 'https://a.com') return; go(data) }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: 'alias with ==', source: "function (event) { var o = event.origin; if (o == 'https://a.com') go(event.data) }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: 'switch allow-list', source: "function (e) { switch (e.origin) { case 'https://a.com': case 'https://b.com': go(e.data) } }", kind: 'strict', accepts: (o) => o === 'https://a.com' || o === 'https://b.com' },
  { name: 'strict OR loose alternative', source: "function (e) { if (e.origin === 'https://a.com' || e.origin.indexOf('b.com') > -1) go(e.data) }", kind: 'bypassable', accepts: (o) => o === 'https://a.com' || o.indexOf('b.com') > -1 },
  { name: 'loose AND strict guards', source: "function (e) { if (e.origin.indexOf('a.com') === -1) return; if (e.origin !== 'https://a.com') return; go(e.data) }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: "equality with 'null'", source: "function (e) { if (e.origin === 'null' || e.origin === 'https://a.com') go(e.data) }", kind: 'bypassable', accepts: (o) => o === 'null' || o === 'https://a.com' },
  {
    name: 'runtime only: unanchored RegExp',
    source: null,
    runs: [run(['origin', 'data'], [op({ op: 'RegExp.test', role: 'arg', recv: '/a\\.com$/', args: [q('https://app.a.com')], result: 'true' })])],
    kind: 'bypassable',
    accepts: (o) => /a\.com$/.test(o),
  },
  { name: 'URL origin re-serialized, compared exactly', source: "function (e) { if (new URL(e.origin).origin !== 'https://a.com') return; go(e.data) }", kind: 'strict', accepts: (o) => o === 'https://a.com' },
  { name: 'Set allow-list literal', source: "function (e) { if (!new Set(['https://a.com', 'https://b.com']).has(e.origin)) return; go(e.data) }", kind: 'strict', accepts: (o) => o === 'https://a.com' || o === 'https://b.com' },
  {
    name: 'allow-list that is really a string (runtime shows it)',
    source: 'function (e) { if (allowedOrigins.indexOf(e.origin) === -1) return; go(e.data) }',
    runs: [run(['origin', 'data'], [op({ op: 'String.indexOf', role: 'arg', recv: q('https://a.com,https://b.com'), args: [q('https://a.com')], result: '0' })])],
    kind: 'bypassable',
    accepts: (o) => 'https://a.com,https://b.com'.indexOf(o) !== -1,
  },
  { name: 'trailing slash removed, then compared', source: "function (e) { if (e.origin.replace(/\\/$/, '') !== 'https://a.com') return; go(e.data) }", kind: 'strict', accepts: (o) => o.replace(/\/$/, '') === 'https://a.com' },
  { name: 'rejecting conditions joined by && are alternatives', source: "function (e) { if (!e.origin.endsWith('a.com') && e.origin !== 'https://b.com') return; go(e.data) }", kind: 'bypassable', accepts: (o) => o.endsWith('a.com') || o === 'https://b.com' },
  { name: 'subdomain suffix or apex, joined by &&', source: "function (e) { if (!e.origin.endsWith('.a.com') && e.origin !== 'https://a.com') return; go(e.data) }", kind: 'strict', accepts: (o) => o.endsWith('.a.com') || o === 'https://a.com' },
  { name: 'indexOf(location.hostname): the frame\'s own host as a substring', source: 'function (e) { if (e.origin.indexOf(location.hostname) < 0) return; go(e.data) }', kind: 'bypassable', accepts: (o) => o.indexOf('app.a.com') >= 0 },
  { name: 'minified equality with a member expression', source: 'function(t){if(t.origin===n.origin){var r=t.data;i(r)}}', kind: 'strict' },
  { name: 'subdomain RegExp', source: 'function (e) { if (!/^https?:\\/\\/([a-z0-9-]+\\.)*a\\.com$/.test(e.origin)) return; go(e.data) }', kind: 'strict', accepts: (o) => /^https?:\/\/([a-z0-9-]+\.)*a\.com$/.test(o) },
  { name: 'compared with a concatenation', source: "function (e) { if (e.origin !== 'https://' + host) return; go(e.data) }", kind: 'strict' },
  { name: 'concatenation on the left', source: "function (e) { if (host + '.com' !== e.origin) return; go(e.data) }", kind: 'strict' },
  { name: 'jQuery handler: the MessageEvent is originalEvent', source: "function (ev) { if (ev.originalEvent.origin.indexOf('a.com') === -1) return; go(ev.originalEvent.data) }", kind: 'bypassable', accepts: (o) => o.indexOf('a.com') !== -1 },
  { name: 'reads nothing', source: '() => { count++ }', kind: 'none' },
  { name: 'key lookup', source: 'function (e) { if (!ALLOWED[e.origin]) return; go(e.data) }', kind: 'strict' },
  { name: 'compared with location.origin', source: 'function (e) { if (e.origin !== location.origin) return; go(e.data) }', kind: 'strict' },
  { name: 'lower-cased startsWith', source: "function (e) { if (e.origin.toLowerCase().startsWith('https://a.com')) go(e.data) }", kind: 'bypassable', accepts: (o) => o.toLowerCase().startsWith('https://a.com') },
  { name: 'handleEvent method', source: "handleEvent(ev) { if (ev.origin.indexOf('a.com') > -1) this.go(ev.data) }", kind: 'bypassable', accepts: (o) => o.indexOf('a.com') > -1 },
  {
    name: 'runtime indexOf refined by static truthy use',
    source: "function (e) { var allowed = getAllowed(); if (e.origin.indexOf(allowed)) go(e.data) }",
    runs: [run(['origin', 'data'], [op({ op: 'String.indexOf', role: 'this', recv: q('https://x.evil'), args: [q('https://a.com')], result: '-1' })])],
    kind: 'bypassable',
    accepts: (o) => !!o.indexOf('https://a.com'),
  },
];

const ATTACKERS = ['https://evil.test', 'https://a.com.evil.test', 'https://evila.com', 'https://wwwxa.com', 'https://a.co', 'null'];

test('a cut source without a visible check is unknown, not none', () => {
  const v = judgeListener('function (e) { handle(e.data); /* ...', [], FRAME, true);
  assert.equal(v.kind, 'unknown');
  assert.match(v.reason, /cut at 8192/);
  assert.equal(judgeListener("function (e) { if (e.origin !== 'https://a.com') return; /* ...", [], FRAME, true).kind, 'strict');
});

test('a RegExp that could backtrack exponentially is never run', () => {
  const started = Date.now();
  const v = judgeListener('function (e) { if (/^(h|t|p|:|\\/|.)*$x/.test(e.origin) || /^(.*)*evil$/.test(e.origin)) go(e.data) }', [], FRAME);
  assert.ok(Date.now() - started < 500);
  assert.equal(v.kind, 'unknown');
  assert.match(v.reason, /backtrack/);
});

test(`the verdict table has at least 25 listener forms (${cases.length})`, () => {
  assert.ok(cases.length >= 25);
});

for (const c of cases) {
  test(`verdict: ${c.name} -> ${c.kind}`, () => {
    const v = judgeListener(c.source, c.runs ?? [], FRAME);
    assert.equal(v.kind, c.kind, `${v.kind}: ${v.reason}`);
    assert.ok(v.reason.length > 0);
    if (c.kind === 'bypassable') {
      assert.ok(v.example, 'a bypassable verdict names an origin that passes');
      assert.ok(c.accepts!(v.example!), `${v.example} must really pass: ${v.reason}`);
    } else {
      assert.equal(v.example, null);
    }
    if (c.kind === 'strict' && c.accepts) for (const o of ATTACKERS) assert.equal(c.accepts(o), false, `${o} would pass`);
  });
}
