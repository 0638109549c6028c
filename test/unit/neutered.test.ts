import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Entry, FrameNode, HookRecord } from '../../extension/protocol';
import { neuteredObjects } from '../../panel/model/neutered';
import { buildChannelGraph } from '../../panel/model/port-graph';
import { entryKey } from '../../panel/model/input';
import type { ModelInput } from '../../panel/model/input';

const load = (name: string): ModelInput => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as { entries: Entry[]; frames: FrameNode[] };

test('buffers transferred by a send are detached, with their size before and the message that moved them', () => {
  const cases = load('ports-cases-records.json');
  const buffers = neuteredObjects(cases).filter((o) => o.kind === 'arraybuffer');
  assert.deepEqual(buffers.map((b) => b.bytes), [1024, 4]);
  const [big, small] = buffers;
  assert.equal(big.state, 'detached');
  assert.equal(big.to, big.from, 'received in the same document (both ends of the channel there)');
  assert.deepEqual(small.misuse.length, 1, 'the detached buffer was transferred again');
  const again = cases.entries.find((e) => entryKey(e) === small.misuse[0])!;
  assert.equal(again.rec.k === 'port-send' && again.rec.outcome, 'threw');
});

test('ports: relayed through windows (inferred), sent per call (observed), sent to an unstarted port (observed, destination unseen)', () => {
  const relay = neuteredObjects(load('ports-relay-records.json'));
  assert.deepEqual(relay.filter((o) => o.method === 'inferred').length, 4, 'two channels relayed through two windows each');
  assert.ok(relay.filter((o) => o.method === 'observed').every((o) => o.kind === 'port' && o.to !== null));
  const cases = neuteredObjects(load('ports-cases-records.json')).filter((o) => o.kind === 'port');
  assert.ok(cases.some((o) => o.to === null && o.misuse.length === 1), 'the port sent away and then posted on');
});

// A hand-built case: a port is transferred through window.postMessage (unrecorded), then the page
// posts on the dead object. The hook says 'sent' (it cannot know); the model infers the loss.
test('a send on a port after it was moved through a window message is inferred lost and listed as misuse', () => {
  let seq = 0;
  const at = (key: string, frameId: number, t: number, rec: Partial<HookRecord>): Entry => ({ frameId, doc: null, key, rec: { ...rec, seq: seq++, t } as HookRecord });
  const top = 'toptoptoptop';
  const kid = 'kidkidkidkid';
  const entries: Entry[] = [
    at(top, 0, 1, { k: 'frame', key: top, url: 'http://a/', origin: 'http://a', path: [], flavor: 'normal', hasOpener: false, dropped: 0, title: null }),
    at(kid, 1, 2, { k: 'frame', key: kid, url: 'http://b/', origin: 'http://b', path: [0], flavor: 'normal', hasOpener: false, dropped: 0, title: null }),
    at(top, 0, 10, { k: 'channel', ch: 'c1', port1: 'p1', port2: 'p2', call: null }),
    at(kid, 1, 11, { k: 'win-recv', msg: 'm1', type: 'message', origin: 'http://a', source: { rel: 'parent', path: [] }, data: { t: 'null' }, ports: ['q1'], trusted: true }),
    at(top, 0, 12, { k: 'port-send', msg: 'm2', via: 'port', port: 'p2', name: null, data: { t: 'string', v: 'late', len: 4 }, transfer: [], outcome: 'sent', error: null, call: null }),
  ];
  const [port] = neuteredObjects({ entries, frames: [] });
  assert.deepEqual([port.id, port.method, port.from, port.to], ['p2', 'inferred', `doc:${top}`, `doc:${kid}`]);
  assert.deepEqual(port.misuse, [entryKey(entries[4])]);
  const late = buildChannelGraph({ entries, frames: [] }).messages[0];
  assert.deepEqual([late.outcome, late.method], ['lost-neutered', 'inferred']);
});

test('two channels whose second ports travel in one window message: one end of each is inferred moved, in creation order', () => {
  let seq = 0;
  const at = (key: string, frameId: number, t: number, rec: Partial<HookRecord>): Entry => ({ frameId, doc: null, key, rec: { ...rec, seq: seq++, t } as HookRecord });
  const entries: Entry[] = [
    at('top', 0, 1, { k: 'frame', key: 'top', url: 'http://a/', origin: 'http://a', path: [], flavor: 'normal', hasOpener: false, dropped: 0, title: null }),
    at('kid', 1, 2, { k: 'frame', key: 'kid', url: 'http://b/', origin: 'http://b', path: [0], flavor: 'normal', hasOpener: false, dropped: 0, title: null }),
    at('top', 0, 10, { k: 'channel', ch: 'a', port1: 'a1', port2: 'a2', call: null }),
    at('top', 0, 11, { k: 'channel', ch: 'b', port1: 'b1', port2: 'b2', call: null }),
    at('kid', 1, 12, { k: 'win-recv', msg: 'm', type: 'message', origin: 'http://a', source: { rel: 'parent', path: [] }, data: { t: 'null' }, ports: ['x', 'y'], trusted: true }),
  ];
  const moved = neuteredObjects({ entries, frames: [] }).map((o) => o.id);
  assert.deepEqual(moved, ['a2', 'b2']);
  const g = buildChannelGraph({ entries, frames: [] });
  assert.deepEqual(g.channels.map((c) => c.ends), [['a1', 'x'], ['b1', 'y']]);
});
