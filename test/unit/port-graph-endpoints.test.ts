import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry, HookRecord } from '../../extension/protocol';
import { buildChannelGraph } from '../../panel/model/port-graph';
import { neuteredObjects } from '../../panel/model/neutered';
import { entryKey } from '../../panel/model/input';

// Hand-built records for the endpoints that are not channels: a worker (its context, a port moved
// into it) and a BroadcastChannel post heard in two other frames.

let seq = 0;
const at = (key: string, frameId: number, t: number, rec: Partial<HookRecord>): Entry => ({ frameId, doc: null, key, rec: { ...rec, seq: seq++, t } as HookRecord });
const text = (v: string) => ({ t: 'string' as const, v, len: v.length });
const send = (port: string, via: 'port' | 'worker' | 'broadcast', data: string, name: string | null, transfer: Extract<HookRecord, { k: 'port-send' }>['transfer'] = []) => ({ k: 'port-send' as const, msg: `m${seq}`, via, port, name, data: text(data), transfer, outcome: 'sent' as const, error: null, call: null });
const recv = (port: string, via: 'port' | 'worker' | 'broadcast', data: string, name: string | null) => ({ k: 'port-recv' as const, msg: `r${seq}`, via, port, name, type: 'message' as const, data: text(data), ports: [] });

test('a worker is a context; a port posted to it moves there and its twin stays entangled with it', () => {
  const entries = [
    at('top', 0, 1, { k: 'port-seen', port: 'w1', via: 'worker', msg: null, name: '/w.js' }),
    at('top', 0, 2, { k: 'channel', ch: 'c1', port1: 'p1', port2: 'p2', call: null }),
    at('top', 0, 3, send('w1', 'worker', 'take this', '/w.js', [{ kind: 'port', id: 'p2', bytes: null, after: 'neutered' }])),
    at('top', 0, 4, recv('p1', 'port', 'hello from the worker', null)),
  ];
  const g = buildChannelGraph({ entries, frames: [] });
  const worker = g.contexts.find((c) => c.kind === 'worker')!;
  assert.equal(worker.label, 'worker /w.js');
  const moved = g.edges.find((e) => e.kind === 'moved' && e.from === 'p2')!;
  assert.deepEqual([moved.method, moved.via], ['observed', entryKey(entries[2])]);
  assert.deepEqual(g.ports.find((p) => p.id === moved.to), { id: moved.to, context: worker.id, channel: null, state: 'unknown', sent: 0, received: 0 });
  assert.equal(g.ports.find((p) => p.id === 'p2')!.state, 'neutered');
  const toWorker = g.messages.find((m) => m.send === entryKey(entries[2]))!;
  assert.equal(toWorker.outcome, 'unknown', 'delivery inside a worker is not seen');
  const [port] = neuteredObjects({ entries, frames: [] });
  assert.deepEqual([port.id, port.to], ['p2', worker.id]);
});

test('a BroadcastChannel post is joined to the receives of the same name by every other channel object, not by the sender', () => {
  const entries = [
    at('top', 0, 10, send('b0', 'broadcast', 'hi all', 'room', [])),
    at('top', 0, 11, recv('b0', 'broadcast', 'hi all', 'room')),
    at('top', 0, 11, recv('b0x', 'broadcast', 'hi all', 'room')),
    at('one', 1, 11, recv('b1', 'broadcast', 'hi all', 'room')),
    at('two', 2, 12, recv('b2', 'broadcast', 'hi all', 'room')),
    at('two', 2, 12, recv('b3', 'broadcast', 'hi all', 'other')),
  ];
  const g = buildChannelGraph({ entries, frames: [] });
  const post = g.messages.find((m) => m.send === entryKey(entries[0]))!;
  assert.equal(post.outcome, 'delivered');
  assert.deepEqual(post.recv, [entryKey(entries[2]), entryKey(entries[3]), entryKey(entries[4])]);
  const stray = g.messages.find((m) => m.recv[0] === entryKey(entries[1]))!;
  assert.equal(stray.send, null, 'the sender never hears its own post (a receive on it came from elsewhere)');
});

test('a shared worker port is entangled with an unseen port in the shared worker\'s context', () => {
  const entries = [at('top', 0, 1, { k: 'port-seen', port: 'sp', via: 'shared-worker', msg: null, name: '/shared.js' }), at('top', 0, 2, send('sp', 'port', 'hi', null))];
  const g = buildChannelGraph({ entries, frames: [] });
  const ctx = g.contexts.find((c) => c.kind === 'shared-worker')!;
  assert.deepEqual([ctx.id, ctx.label], ['shared-worker:/shared.js', 'shared-worker /shared.js']);
  const edge = g.edges.find((e) => e.kind === 'entangled' && e.from === 'sp')!;
  assert.equal(g.ports.find((p) => p.id === edge.to)!.context, ctx.id);
  assert.equal(g.ports.find((p) => p.id === 'sp')!.sent, 1);
});
