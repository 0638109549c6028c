import type { Entry, FrameNode, Preview } from '../../extension/protocol';

// Small record builders for the panel's unit tests.

export const str = (v: string): Preview => ({ t: 'string', v, len: v.length });
export const obj = (entries: [string, Preview][]): Preview => ({ t: 'object', cls: 'Object', entries, more: 0 });

export const winRecv = (key: string, seq: number, t: number, data: Preview = str(`m${seq}`), origin = 'http://a.test'): Entry => ({
  frameId: 0,
  doc: null,
  key,
  rec: { seq, t, k: 'win-recv', msg: `${key}:${seq}`, type: 'message', origin, source: { rel: 'child', path: [0] }, data, ports: [], trusted: true },
});

export const winSend = (key: string, seq: number, t: number, targetOrigin: string | null, outcome: 'delivered' | 'dropped-mismatch' = 'delivered'): Entry => ({
  frameId: 1,
  doc: null,
  key,
  rec: {
    seq, t, k: 'win-send', msg: `${key}:${seq}`, method: 'static', target: { rel: 'parent', path: [] }, targetOrigin, recipientOrigin: null,
    recipientInitialBlank: false, transfer: [], data: str('hello'), call: null, outcome, error: null,
  },
});

export const portSend = (key: string, seq: number, t: number, port: string, outcome: 'sent' | 'lost-closed' = 'sent'): Entry => ({
  frameId: 0,
  doc: null,
  key,
  rec: { seq, t, k: 'port-send', msg: `${key}:${seq}`, via: 'port', port, name: null, data: str('ping'), transfer: [], outcome, error: null, call: null },
});

export const frames: FrameNode[] = [
  { frameId: 0, parentFrameId: -1, url: 'http://a.test/', origin: 'http://a.test', key: 'A', path: [], flavor: 'normal', gone: false, navigations: 1 },
  { frameId: 1, parentFrameId: 0, url: 'http://b.test/', origin: 'http://b.test', key: 'B', path: [0], flavor: 'normal', gone: false, navigations: 1 },
];
