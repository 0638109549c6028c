import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { entrySchema, validate, type Entry, type FrameNode, type Preview } from '../../extension/protocol';
import { buildChannelGraph } from '../../panel/model/port-graph';
import { entryKey } from '../../panel/model/input';
import type { ModelInput } from '../../panel/model/input';

// Fixture records were recorded by the real hook in Chromium (test/fixtures/ports-*.html, see the
// ports browser tests) and saved as JSON: the relay (top -> child -> grandchild across three
// origins, Comlink-style calls, a messageerror) and the per-message outcome cases.

const load = (name: string): ModelInput => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as { entries: Entry[]; frames: FrameNode[] };
const relay = load('ports-relay-records.json');
const cases = load('ports-cases-records.json');

const tagOf = (p: Preview | null): string | undefined => {
  if (p?.t === 'string') return p.v;
  if (p?.t !== 'object') return undefined;
  const v = p.entries.find(([k]) => k === 'tag' || k === 'relay')?.[1];
  return v?.t === 'string' ? v.v : undefined;
};
const find = (input: ModelInput, k: string, tag: string, nth = 0) => input.entries.filter((e) => e.rec.k === k && 'data' in e.rec && tagOf(e.rec.data) === tag)[nth];
const keyOf = (input: ModelInput, frameId: number) => input.entries.find((e) => e.frameId === frameId)!.key;

test('fixture records are valid protocol entries', () => {
  for (const input of [relay, cases]) for (const e of input.entries) assert.equal(validate(entrySchema, e).ok, true, JSON.stringify(e).slice(0, 200));
});

test('relay: a port passed top -> child -> grandchild through window messages is one end, linked by inference', () => {
  const g = buildChannelGraph(relay);
  const [top, child, grand] = relay.frames.map((f) => `doc:${keyOf(relay, f.frameId)}`);
  assert.deepEqual(g.contexts.map((c) => c.id), [top, child, grand]);
  const first = g.channels[0];
  assert.equal(first.context, top);
  const moves = g.edges.filter((e) => e.kind === 'moved' && e.method === 'inferred');
  const fromPort2 = moves.find((m) => m.from === first.ports[1])!;
  const onward = moves.find((m) => m.from === fromPort2.to)!;
  assert.equal(g.ports.find((p) => p.id === fromPort2.to)!.context, child);
  assert.equal(g.ports.find((p) => p.id === onward.to)!.context, grand);
  assert.deepEqual(first.ends, [first.ports[0], onward.to], 'port1 stayed in top; port2 ended in the grandchild');
  for (const id of [first.ports[1], fromPort2.to]) assert.equal(g.ports.find((p) => p.id === id)!.state, 'neutered');
  assert.equal(g.ports.find((p) => p.id === onward.to)!.channel, first.id, 'the moved end keeps its channel');
  const hello = g.messages.find((m) => m.send === entryKey(find(relay, 'port-send', 'hello-from-grandchild')))!;
  assert.deepEqual([hello.outcome, hello.method, hello.to], ['delivered', 'observed', first.ports[0]]);
});

test('relay: Comlink-style calls move a fresh port per call over the relayed channel (observed) and every result comes back', () => {
  const g = buildChannelGraph(relay);
  const grand = `doc:${keyOf(relay, relay.frames[2].frameId)}`;
  const callChannels = g.channels.slice(1, 3);
  for (const [i, ch] of callChannels.entries()) {
    const move = g.edges.find((e) => e.kind === 'moved' && e.from === ch.ports[1])!;
    assert.equal(move.method, 'observed');
    assert.equal(move.via, entryKey(find(relay, 'port-send', 'call', i)));
    assert.equal(g.ports.find((p) => p.id === move.to)!.context, grand);
    assert.equal(ch.state, 'closed', 'the caller closes its port after the result');
    const result = g.messages.find((m) => m.from === move.to)!;
    assert.deepEqual([result.outcome, result.to], ['delivered', ch.ports[0]]);
  }
});

test('relay: an undeserializable message pairs with the messageerror it caused', () => {
  const g = buildChannelGraph(relay);
  const send = relay.entries.find((e) => e.rec.k === 'port-send' && e.rec.data?.t === 'platform')!;
  const m = g.messages.find((x) => x.send === entryKey(send))!;
  assert.equal(m.outcome, 'messageerror');
  assert.equal(m.recv.length, 1);
});

test('cases: queued, lost, doomed and thrown outcomes; a port sent to an unstarted receiver is still neutered', () => {
  const g = buildChannelGraph(cases);
  const outcome = (tag: string) => g.messages.find((m) => m.send === entryKey(find(cases, 'port-send', tag)))!;
  assert.deepEqual([outcome('delivered').outcome, outcome('delivered').method], ['delivered', 'observed']);
  assert.deepEqual([outcome('queued').outcome, outcome('queued').method], ['queued', 'inferred']);
  assert.equal(outcome('lost-neutered').outcome, 'lost-neutered');
  assert.equal(outcome('doomed').outcome, 'doomed');
  assert.equal(outcome('after-doomed').outcome, 'lost-unentangled');
  const doomedSend = find(cases, 'port-send', 'doomed').rec;
  const doomedChannel = g.channels.find((c) => doomedSend.k === 'port-send' && c.ports[0] === doomedSend.port)!;
  assert.equal(doomedChannel.state, 'doomed');
  assert.equal(g.ports.find((p) => p.id === doomedChannel.ports[1])!.state, 'neutered');
  const carried = find(cases, 'port-send', 'carry');
  const transferred = carried.rec.k === 'port-send' ? carried.rec.transfer[0].id! : '';
  assert.equal(g.ports.find((p) => p.id === transferred)!.state, 'neutered');
  assert.ok(g.transferred.includes(transferred));
  assert.equal(g.messages.filter((m) => m.outcome === 'threw').length, 4);
});

test('the graph at an earlier time: the relayed end is still in the child before the grandchild received it', () => {
  const g0 = buildChannelGraph(relay);
  const toGrand = g0.edges.find((e) => e.kind === 'moved' && e.method === 'inferred' && e.from.startsWith(`p${keyOf(relay, relay.frames[1].frameId)}`))!;
  const arrival = relay.entries.find((e) => entryKey(e) === toGrand.via)!;
  const before = buildChannelGraph(relay, arrival.rec.t - 0.001);
  assert.equal(before.channels[0].ends[1], toGrand.from);
  assert.equal(buildChannelGraph(relay, 0).ports.length, 0, 'a small number counts entries: none');
});

test('a message sent before the receiving port started is delivered later and marked as having waited', () => {
  const rec = (seq: number, t: number, r: object): Entry => ({ frameId: 0, doc: null, key: 'k', rec: { ...r, seq, t } as Entry['rec'] });
  const data = { t: 'string' as const, v: 'early', len: 5 };
  const entries = [
    rec(0, 1, { k: 'channel', ch: 'c', port1: 'a', port2: 'b', call: null }),
    rec(1, 2, { k: 'port-send', msg: 'm1', via: 'port', port: 'a', name: null, data, transfer: [], outcome: 'sent', error: null, call: null }),
    rec(2, 5, { k: 'port-state', port: 'b', state: 'started', how: 'start' }),
    rec(3, 6, { k: 'port-recv', msg: 'm2', via: 'port', port: 'b', name: null, type: 'message', data, ports: [] }),
  ];
  const before = buildChannelGraph({ entries, frames: [] }, 2);
  assert.deepEqual([before.messages[0].outcome, before.messages[0].method], ['queued', 'inferred']);
  const after = buildChannelGraph({ entries, frames: [] });
  assert.deepEqual([after.messages[0].outcome, after.messages[0].waited], ['delivered', true]);
  assert.equal(buildChannelGraph({ entries: [entries[0], entries[2], { ...entries[1], rec: { ...entries[1].rec, seq: 9, t: 5.5 } }, entries[3]], frames: [] }).messages[0].waited, false);
});
