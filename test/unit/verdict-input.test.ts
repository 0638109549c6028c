import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listenerVerdicts } from '../../panel/model/origin-check';
import type { Entry, HookRecord } from '../../extension/protocol';

// listenerVerdicts over recorded entries: one verdict per registration, with its runs, removal,
// the frame's origin (used to build attacker origins on the same scheme and port) and call site.

let seq = 0;
type Rec = HookRecord extends infer R ? (R extends HookRecord ? Omit<R, 'seq' | 't'> : never) : never;
const entry = (rec: Rec, key: string, frameId: number): Entry => ({ frameId, doc: null, key, rec: { ...rec, seq: seq++, t: seq } as HookRecord });
const add = (listener: string, source: string | null, key: string, frameId: number) =>
  entry({ k: 'listener-add', listener, target: 'window', targetKind: 'window', type: 'message', how: 'addEventListener', capture: false, once: false, passive: null, signal: false, handleEvent: false, call: { url: 'http://a.test:8080/app.js', line: 7, col: 3, fn: '' }, defined: null, source, name: listener, unwrapped: null }, key, frameId);

test('listenerVerdicts: one verdict per registration with runs, removal, frame origin and call site', () => {
  const entries: Entry[] = [
    entry({ k: 'frame', key: 'top', url: 'http://a.test:8080/', origin: 'http://a.test:8080', path: [], flavor: 'normal', hasOpener: false, dropped: 0, title: null }, 'top', 0),
    add('l1', "function (e) { if (e.origin.startsWith('http://a.test')) go(e.data) }", 'top', 0),
    entry({ k: 'listener-run', listener: 'l1', type: 'message', origin: 'http://a.test:8080', reads: ['origin', 'data'], ops: [], opsDropped: 0, threw: false }, 'top', 0),
    entry({ k: 'listener-run', listener: 'l1', type: 'message', origin: 'http://b.test:8080', reads: ['origin'], ops: [], opsDropped: 0, threw: true }, 'top', 0),
    entry({ k: 'listener-remove', listener: 'l1', why: 'removeEventListener' }, 'top', 0),
    add('l2', null, 'child', 3),
  ];
  const [v1, v2] = listenerVerdicts({ entries, frames: [] });
  assert.equal(v1.listener, 'l1');
  assert.equal(v1.kind, 'bypassable');
  assert.equal(v1.example, 'http://a.test.evil.test:8080', 'the attacker origin keeps the frame\'s scheme and port');
  assert.equal(v1.frameOrigin, 'http://a.test:8080');
  assert.equal(v1.method, 'both');
  assert.deepEqual(v1.trace, { runs: 2, readOrigin: true, readSource: false, readData: true, threw: 1 });
  assert.equal(v1.runs.length, 2);
  assert.ok(v1.runs.every((k) => k.startsWith('top#')));
  assert.equal(v1.entry, `top#${entries[1].rec.seq}`);
  assert.equal(v1.removed, true);
  assert.equal(v1.call?.line, 7);
  assert.equal(v2.kind, 'unknown');
  assert.equal(v2.frameId, 3);
  assert.equal(v2.frameOrigin, null);
  assert.equal(v2.removed, false);
});

test('listenerVerdicts: a library dispatcher is judged by its real handlers, as weak as the weakest', () => {
  const entries: Entry[] = [
    add('l9', 'function (e) { return jQuery.event.dispatch.apply(elem, arguments) }', 'top', 0),
    entry({ k: 'listener-source', listener: 'l9', lib: 'jquery', handlers: [
      { name: 'strictOne', source: "function strictOne(ev) { if (ev.originalEvent.origin !== 'https://b.com') return; go(ev.originalEvent.data) }" },
      { name: 'looseOne', source: "function looseOne(ev) { if (ev.originalEvent.origin.indexOf('b.com') < 0) return; go(ev.originalEvent.data) }" },
    ], more: 0 }, 'top', 0),
  ];
  const [v] = listenerVerdicts({ entries, frames: [] });
  assert.equal(v.library, 'jquery');
  assert.equal(v.name, 'strictOne, looseOne');
  assert.equal(v.kind, 'bypassable');
  assert.match(v.source ?? '', /function strictOne[\s\S]*function looseOne/);
  const single = listenerVerdicts({ entries: [entries[0], entry({ k: 'listener-source', listener: 'l9', lib: 'zone', handlers: [{ name: 'strictOne', source: "function strictOne(e) { if (e.origin !== 'https://b.com') return; go(e.data) }" }], more: 0 }, 'top', 0)], frames: [] })[0];
  assert.equal(single.kind, 'strict');
  assert.equal(single.library, 'zone');
});
