import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSession, toSession, SESSION_VERSION, type SessionFile } from '../../panel/model/session';
import type { ModelInput } from '../../panel/model/input';

const sampleText = readFileSync(new URL('../fixtures/cli-session-sample.json', import.meta.url), 'utf8');
const sample = (): SessionFile => JSON.parse(sampleText);
const parse = (value: unknown) => parseSession(JSON.stringify(value));
const errorOf = (value: unknown): string => {
  const r = parse(value);
  assert.equal(r.ok, false, 'expected the file to be refused');
  return r.ok ? '' : r.error;
};

test('the sample session (every record kind, static sites, findings) parses', () => {
  const r = parseSession(sampleText);
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(r.input.entries.length, 12);
  assert.deepEqual(new Set(r.input.entries.map((e) => e.rec.k)), new Set(['frame', 'win-recv', 'win-send', 'channel', 'port-seen', 'port-state', 'port-send', 'port-recv', 'listener-add', 'listener-remove']));
});

test('toSession -> JSON -> parseSession gives back exactly the model input', () => {
  const s = sample();
  const withStatic: ModelInput = { entries: s.entries, frames: s.frames, staticSites: s.staticSites };
  const withoutStatic: ModelInput = { entries: s.entries, frames: s.frames };
  const empty: ModelInput = { entries: [], frames: [], staticSites: [] };
  for (const input of [withStatic, withoutStatic, empty]) {
    const r = parseSession(JSON.stringify(toSession(input, s.meta)));
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepStrictEqual(r.input, input);
    assert.deepStrictEqual(r.session.meta, s.meta);
  }
});

test('findings passed to toSession are kept in the file', () => {
  const s = sample();
  const file = toSession({ entries: s.entries, frames: s.frames }, s.meta, s.findings);
  const r = parseSession(JSON.stringify(file));
  assert.ok(r.ok);
  assert.deepStrictEqual(r.session.findings, s.findings);
  assert.equal(file.version, SESSION_VERSION);
});

test('files that are not sessions are refused with a clear message', () => {
  assert.match(errorOf('just a string'), /expected a JSON object/);
  assert.match(errorOf([1, 2]), /expected a JSON object/);
  assert.match(errorOf({ log: { version: '1.2', entries: [] } }), /"format" is null, expected "postscope-session"/);
  const bad = parseSession('{"format": "postscope-session", ');
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error, /invalid JSON/);
});

test('newer and nonsense versions are refused with what to do', () => {
  assert.match(errorOf({ ...sample(), version: SESSION_VERSION + 1 }), /written by a newer Postscope; this one reads versions up to 1/);
  assert.match(errorOf({ ...sample(), version: 0 }), /unsupported session version 0/);
  assert.match(errorOf({ ...sample(), version: '1' }), /unsupported session version "1"/);
});

test('the first problem is named by its JSON path', () => {
  const s = sample();
  (s.entries[3].rec as { origin: unknown }).origin = 42;
  assert.equal(errorOf(s), 'invalid session file at $.entries[3].rec.origin: expected string <= 2048 chars');
  const t = sample();
  (t.entries[1] as unknown as Record<string, unknown>).extra = true;
  assert.equal(errorOf(t), 'invalid session file at $.entries[1].extra: unexpected key');
  const u = sample();
  (u.findings![0].result.items[0].details as Record<string, unknown>).nested = { x: 1 };
  assert.match(errorOf(u), /^invalid session file at \$\.findings\[0\]\.result\.items\[0\]\.details\.nested: expected string, number, boolean or null$/);
});

test('hostile files: prototype keys, unknown record kinds, absurd nesting, oversized strings', () => {
  const proto = sampleText.replace('"format": "postscope-session",', '"format": "postscope-session", "__proto__": {"polluted": true},');
  const r = parseSession(proto);
  assert.deepEqual(r, { ok: false, error: 'invalid session file at $.__proto__: unexpected key' });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  const kind = sample();
  (kind.entries[0].rec as { k: string }).k = 'constructor';
  assert.match(errorOf(kind), /\$\.entries\[0\]\.rec\.k: unknown tag constructor/);
  // Built as text: JSON.stringify itself would overflow on this nesting.
  const nest = sample();
  (nest.entries[3].rec as { data: unknown }).data = 'DEEP';
  const depth = 200_000;
  const text = JSON.stringify(nest).replace('"DEEP"', `${'{"t":"array","len":1,"items":['.repeat(depth)}{"t":"null"}${'],"more":0}'.repeat(depth)}`);
  const n = parseSession(text);
  assert.equal(n.ok, false);
  assert.equal(n.ok ? '' : n.error, 'invalid session file: data nested too deeply');
  const long = sample();
  long.meta.browser = 'x'.repeat(10_000);
  assert.equal(errorOf(long), 'invalid session file at $.meta.browser: expected string <= 256 chars');
});
