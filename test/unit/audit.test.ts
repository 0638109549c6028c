import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDITS, runAudits } from '../../panel/model/audits/index';
import type { Entry, HookRecord } from '../../extension/protocol';
import type { ModelInput } from '../../panel/model/input';

// Each audit on small fixture sessions: one that fails with the expected items and evidence, one
// that passes, and an empty one (not applicable).

let seq = 0;
type Rec = HookRecord extends infer R ? (R extends HookRecord ? Omit<R, 'seq' | 't'> : never) : never;
const entry = (rec: Rec, key = 'k1', frameId = 0): Entry => ({ frameId, doc: null, key, rec: { ...rec, seq: seq++, t: seq } as HookRecord });
const session = (...entries: Entry[]): ModelInput => ({ entries, frames: [] });
const byId = (input: ModelInput, id: string) => {
  const r = runAudits(input).find((a) => a.meta.id === id);
  assert.ok(r, id);
  return r.result;
};

const frame = entry({ k: 'frame', key: 'k1', url: 'https://app.a.com/', origin: 'https://app.a.com', path: [], flavor: 'normal', hasOpener: false, dropped: 0, title: null });
const listener = (id: string, source: string, targetKind: 'window' | 'port' = 'window', target = 'window', how: 'addEventListener' | 'onmessage' = 'addEventListener') =>
  entry({ k: 'listener-add', listener: id, target, targetKind, type: 'message', how, capture: false, once: false, passive: null, signal: false, handleEvent: false, call: { url: 'https://app.a.com/app.js', line: 3, col: 5, fn: '' }, defined: null, source, name: id, unwrapped: null });
const run = (id: string, reads: ('origin' | 'data' | 'source')[], origin = 'https://b.com') =>
  entry({ k: 'listener-run', listener: id, type: 'message', origin, reads, ops: [], opsDropped: 0, threw: false });
const str = (v: string) => ({ t: 'string' as const, v, len: v.length });
const winSend = (targetOrigin: string, data: string | { token: string }, outcome: 'delivered' | 'dropped-mismatch' = 'delivered') =>
  entry({ k: 'win-send', msg: 'm' + seq, method: 'debugger', target: { rel: 'child', path: [0] }, targetOrigin, recipientOrigin: 'https://b.com', recipientInitialBlank: false, transfer: [], data: typeof data === 'string' ? str(data) : { t: 'object', cls: 'Object', entries: [['token', str(data.token)]], more: 0 }, call: null, outcome, error: null });
const portSend = (port: string, outcome: 'sent' | 'lost-closed' | 'lost-neutered', transfer: string[] = []) =>
  entry({ k: 'port-send', msg: 'm' + seq, via: 'port', port, name: null, data: str('x'), transfer: transfer.map((id) => ({ kind: 'port' as const, id, bytes: null, after: 'neutered' as const })), outcome, error: null, call: null });
const channel = (port1: string, port2: string) => entry({ k: 'channel', ch: 'c' + seq, port1, port2, call: null });

test('AUDITS: unique ids, complete meta, and all are not applicable on an empty session', () => {
  assert.equal(new Set(AUDITS.map((a) => a.meta.id)).size, AUDITS.length);
  assert.equal(AUDITS.length, 7);
  for (const { meta, result } of runAudits(session())) {
    assert.ok(meta.title && meta.failureTitle && meta.description, meta.id);
    assert.equal(result.score, null, meta.id);
    assert.deepEqual(result.items, []);
  }
});

test("wildcard-target-origin: runtime and static '*' sends, sensitive ones first", () => {
  const input: ModelInput = {
    ...session(winSend('*', 'hello'), winSend('*', { token: 'eyJhbGciOi.eyJzdWIiOi.sig' }), winSend('https://b.com', 'fine')),
    staticSites: [
      { url: 'https://app.a.com/app.js', line: 9, col: 10, targetOrigin: "'*'", receiver: 'parent', kind: 'send', excerpt: "parent.postMessage({ sessionId }, '*')" },
      { url: 'https://app.a.com/app.js', line: 12, col: 3, targetOrigin: "'https://b.com'", receiver: 'parent', kind: 'send', excerpt: '' },
    ],
  };
  const r = byId(input, 'wildcard-target-origin');
  assert.equal(r.score, 0);
  assert.equal(r.items.length, 3);
  assert.equal(r.items[0].details.sensitive, true);
  assert.equal(r.items[1].details.sensitive, true);
  assert.equal(r.items[2].details.sensitive, false);
  assert.ok(r.items.some((i) => i.evidence[0].method === 'static' && i.evidence[0].callSite?.line === 9));
  assert.equal(byId(session(winSend('https://b.com', 'x')), 'wildcard-target-origin').score, 1);
});

test('missing-origin-check: window listeners using data unchecked; port listeners are exempt', () => {
  const input = session(frame, listener('l1', 'e => go(e.data)'), run('l1', ['data']), listener('l2', "e => { if (e.origin !== 'https://b.com') return; go(e.data) }"), listener('l3', 'e => go(e.data)', 'port', 'p1'));
  const r = byId(input, 'missing-origin-check');
  assert.equal(r.score, 0);
  assert.deepEqual(r.items.map((i) => i.details.listener), ['l1']);
  assert.equal(r.items[0].evidence.length, 2, 'the registration and its run');
  assert.equal(r.items[0].evidence[0].callSite?.line, 3);
  assert.equal(byId(session(frame, listener('l2', "e => { if (e.origin !== 'https://b.com') return; go(e.data) }")), 'missing-origin-check').score, 1);
});

test('bypassable-origin-check: the item names an origin that passes', () => {
  const input = session(frame, listener('l1', "e => { if (e.origin.indexOf('a.com') === -1) return; go(e.data) }"), listener('l2', "e => { if (e.origin !== 'https://b.com') return; go(e.data) }"), listener('l3', 'e => { if (e.source !== parent) return; go(e.data) }'));
  const r = byId(input, 'bypassable-origin-check');
  assert.equal(r.score, 0);
  assert.deepEqual(r.items.map((i) => [i.details.listener, i.details.kind]), [['l1', 'bypassable'], ['l3', 'source-only']]);
  assert.ok(String(r.items[0].details.example).includes('a.com'));
  assert.equal(byId(session(frame, listener('l2', "e => { if (e.origin !== 'https://b.com') return; go(e.data) }")), 'bypassable-origin-check').score, 1);
});

test('origin-mismatch-drops: browser drops fail; listener rejections are listed', () => {
  const r = byId(session(winSend('https://c.com', 'x', 'dropped-mismatch'), run('l1', ['origin'])), 'origin-mismatch-drops');
  assert.equal(r.score, 0);
  assert.deepEqual(r.items.map((i) => i.details.by), ['browser', 'listener']);
  const ok = byId(session(run('l1', ['origin']), run('l1', ['origin', 'data'])), 'origin-mismatch-drops');
  assert.equal(ok.score, 1);
  assert.equal(ok.items.length, 1);
});

test('neutered-use: posting on a transferred port', () => {
  const r = byId(session(portSend('p1', 'sent', ['p2']), portSend('p2', 'lost-neutered')), 'neutered-use');
  assert.equal(r.score, 0);
  assert.equal(r.items.length, 1);
  assert.equal(r.items[0].details.kind, 'port');
  assert.equal(byId(session(portSend('p1', 'sent')), 'neutered-use').score, 1);
});

test('lost-port-messages: closed and transferred ports lose messages', () => {
  const r = byId(session(portSend('p1', 'lost-closed'), portSend('p1', 'sent'), portSend('p3', 'lost-neutered')), 'lost-port-messages');
  assert.equal(r.score, 0);
  assert.deepEqual(r.items.map((i) => i.details.outcome), ['lost-closed', 'lost-neutered']);
  assert.equal(byId(session(portSend('p1', 'sent')), 'lost-port-messages').score, 1);
});

test('port-lifecycle: addEventListener without start() and messages queued; started ports never closed', () => {
  const notStarted = session(channel('p1', 'p2'), listener('l1', 'e => e.data', 'port', 'p2'), portSend('p1', 'sent'));
  const r = byId(notStarted, 'port-lifecycle');
  assert.equal(r.score, 0);
  const item = r.items.find((i) => i.details.port === 'p2');
  assert.ok(item);
  assert.equal(item.details.problem, 'never-started');
  assert.equal(item.details.queued, 1);
  const started = session(channel('p1', 'p2'), listener('l1', 'e => e.data', 'port', 'p2', 'onmessage'), portSend('p1', 'sent'));
  const ok = byId(started, 'port-lifecycle');
  assert.equal(ok.score, 1);
  assert.deepEqual(ok.items.map((i) => [i.details.port, i.details.problem]), [['p2', 'never-closed']]);
  const moved = session(channel('p1', 'p2'), portSend('p3', 'sent', ['p2']), portSend('p1', 'sent'));
  assert.deepEqual(byId(moved, 'port-lifecycle').items, [], 'a transferred port is judged where it arrives');
});
