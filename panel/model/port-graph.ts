import type { Entry, RecordOf } from '../../extension/protocol';
import { frameLabel } from './frames';
import { collectPortFacts, portIdsOf, upTo, dataShape, type PortFacts } from './port-facts';
import { entryKey, type ModelInput } from './input';
import { inferWindowMove, movesOfPair, pairInOrder, type Move } from './port-moves';
import type { ChannelGraph, GraphChannel, GraphContext, GraphEdge, GraphMessage, GraphPort, PortState } from './channel-graph-types';

// The channel graph: which context holds which port object, which objects are two ends of one
// channel, how ends moved between contexts, and what became of each message. Built from the
// records alone (pure), so the panel, the CLI and saved sessions all show the same graph.

type Send = Entry & { rec: RecordOf<'port-send'> };
type Recv = Entry & { rec: RecordOf<'port-recv'> };
type WinRecv = Entry & { rec: RecordOf<'win-recv'> };

const is = <K extends Entry['rec']['k']>(k: K) => (e: Entry): e is Entry & { rec: RecordOf<K> } => e.rec.k === k;

/** At most this many rounds of pairing and inference; each round can only add links. */
const MAX_ROUNDS = 16;

export function buildChannelGraph(input: ModelInput, atSeqOrTime?: number): ChannelGraph {
  const entries = upTo(input.entries, atSeqOrTime);
  const ids = portIdsOf(entries);
  const facts = collectPortFacts(entries, ids);
  const sends = entries.filter(is('port-send'));
  const recvs = entries.filter(is('port-recv'));
  const channelRecs = entries.filter(is('channel'));

  const twin = new Map<string, string>();
  for (const { rec: c } of channelRecs) twin.set(c.port1, c.port2).set(c.port2, c.port1);
  const second = new Set(channelRecs.map((c) => c.rec.port2));
  const observedMoved = new Set(sends.flatMap((s) => (s.rec.outcome === 'sent' || s.rec.outcome === 'doomed' ? s.rec.transfer : []).filter((t) => t.kind === 'port' && t.after === 'neutered' && t.id).map((t) => t.id!)));

  const moves = new Map<string, Move>();
  const movedTo = new Map<string, string>();
  const addMove = (m: Move): boolean => {
    if (moves.has(m.from) || movedTo.has(m.to) || m.from === m.to) return false;
    moves.set(m.from, m);
    movedTo.set(m.to, m.from);
    return true;
  };
  const rootOf = (id: string) => {
    for (let i = 0; i < 1000 && movedTo.has(id); i++) id = movedTo.get(id)!;
    return id;
  };
  const chain = (root: string) => {
    const out = [root];
    for (let id = root; moves.has(id) && out.length < 1000; ) out.push((id = moves.get(id)!.to));
    return out;
  };

  const windowRecvs = entries.filter(is('win-recv')).filter((e) => e.rec.ports.length > 0 && e.rec.trusted);
  const resolvedWindow = new Set<WinRecv>();
  let pairs = new Map<Send, Recv>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let added = false;
    pairs = pairAll(sends, recvs, twin, rootOf, chain);
    for (const [s, r] of pairs) for (const m of movesOfPair(s, r)) added = addMove(m) || added;
    for (const w of windowRecvs) {
      if (resolvedWindow.has(w)) continue;
      const found = inferWindowMove(entries, w, facts, new Set(moves.keys()), observedMoved, twin, second);
      if (found.length === 0) continue;
      resolvedWindow.add(w);
      for (const m of found) added = addMove(m) || added;
    }
    if (!added) break;
  }

  const contexts = new Map<string, GraphContext>();
  const docContext = (doc: string, frameId: number) => {
    const id = `doc:${doc}`;
    if (!contexts.has(id)) contexts.set(id, { id, label: frameLabel(input.frames, frameId), kind: 'frame', frameId });
    return id;
  };
  for (const e of entries) docContext(e.key, e.frameId);

  const extraPorts: GraphPort[] = [];
  const edges: GraphEdge[] = [];
  for (const { rec: c } of channelRecs) edges.push({ kind: 'entangled', from: c.port1, to: c.port2, via: null, method: 'observed' });
  for (const m of moves.values()) edges.push({ kind: 'moved', from: m.from, to: m.to, via: m.via, method: m.method });
  addWorkerSides(entries, sends, contexts, extraPorts, edges);

  const stateOf = (f: PortFacts): PortState => (f.collected ? 'collected' : moves.has(f.id) || observedMoved.has(f.id) ? 'neutered' : f.closed ? 'closed' : f.started ? 'started' : 'not-started');
  const ports: GraphPort[] = [...facts.values()].map((f) => ({ id: f.id, context: docContext(f.doc, f.frameId), channel: facts.get(rootOf(f.id))?.channel ?? null, state: stateOf(f), sent: f.sent, received: f.received }));
  ports.push(...extraPorts);

  const doomed = new Set(sends.filter((s) => s.rec.outcome === 'doomed').map((s) => rootOf(s.rec.port)));
  const channels: GraphChannel[] = channelRecs.map(({ key, frameId, rec: c }) => {
    const ends: [string, string] = [chain(c.port1).at(-1)!, chain(c.port2).at(-1)!];
    const all = [...chain(c.port1), ...chain(c.port2)].map((id) => facts.get(id));
    const state = doomed.has(c.port1) || doomed.has(c.port2) ? 'doomed' : ends.every((id) => facts.get(id)?.collected) ? 'collected' : all.some((f) => f?.closed) ? 'closed' : 'open';
    return { id: c.ch, context: docContext(key, frameId), ports: [c.port1, c.port2], ends, state, call: c.call };
  });

  const messages = buildMessages(sends, recvs, pairs, twin, rootOf, chain, facts, moves);
  return { contexts: [...contexts.values()], ports, edges, channels, messages, transferred: [...observedMoved] };
}

/** Pairs every channel end's delivered sends with the other end's receives. */
function pairAll(sends: Send[], recvs: Recv[], twin: Map<string, string>, rootOf: (id: string) => string, chain: (root: string) => string[]): Map<Send, Recv> {
  const byRoot = <T extends Send | Recv>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const e of list) {
      if (e.rec.via !== 'port') continue;
      const root = rootOf(e.rec.port);
      const have = m.get(root);
      if (have) have.push(e);
      else m.set(root, [e]);
    }
    return m;
  };
  const sendsByRoot = byRoot(sends.filter((s) => s.rec.outcome === 'sent'));
  const recvsByRoot = byRoot(recvs);
  const pairs = new Map<Send, Recv>();
  for (const [root, list] of sendsByRoot) {
    const other = twin.get(root);
    if (!other) continue;
    const along = (ids: string[]) => (e: Entry & { rec: { port: string } }) => ids.indexOf(e.rec.port);
    const order = along(chain(root));
    const theirs = along(chain(other));
    const mine = [...list].sort((a, b) => order(a) - order(b) || a.rec.seq - b.rec.seq);
    const targets = [...(recvsByRoot.get(other) ?? [])].sort((a, b) => theirs(a) - theirs(b) || a.rec.seq - b.rec.seq);
    for (const [s, r] of pairInOrder(mine, targets)) pairs.set(s, r);
  }
  return pairs;
}

/** Worker sides Postscope cannot see into: a context per worker, and the ports moved into it. */
function addWorkerSides(entries: Entry[], sends: Send[], contexts: Map<string, GraphContext>, ports: GraphPort[], edges: GraphEdge[]) {
  const workerCtx = new Map<string, string>();
  for (const { rec: r } of entries) {
    if (r.k !== 'port-seen' || (r.via !== 'worker' && r.via !== 'shared-worker')) continue;
    const kind = r.via === 'worker' ? 'worker' : 'shared-worker';
    const id = r.via === 'worker' ? `worker:${r.port}` : `shared-worker:${r.name ?? r.port}`;
    if (!contexts.has(id)) contexts.set(id, { id, label: `${kind} ${r.name ?? ''}`.trim(), kind, frameId: null });
    if (r.via === 'worker') workerCtx.set(r.port, id);
    else {
      ports.push({ id: `${r.port}~twin`, context: id, channel: null, state: 'unknown', sent: 0, received: 0 });
      edges.push({ kind: 'entangled', from: r.port, to: `${r.port}~twin`, via: null, method: 'observed' });
    }
  }
  for (const s of sends) {
    const ctx = s.rec.via === 'worker' ? workerCtx.get(s.rec.port) : undefined;
    if (!ctx || (s.rec.outcome !== 'sent')) continue;
    s.rec.transfer.forEach((t, i) => {
      if (t.kind !== 'port' || !t.id) return;
      const inside = `${entryKey(s)}/${i}`;
      ports.push({ id: inside, context: ctx, channel: null, state: 'unknown', sent: 0, received: 0 });
      edges.push({ kind: 'moved', from: t.id, to: inside, via: entryKey(s), method: 'observed' });
    });
  }
}

function buildMessages(sends: Send[], recvs: Recv[], pairs: Map<Send, Recv>, twin: Map<string, string>, rootOf: (id: string) => string, chain: (root: string) => string[], facts: Map<string, PortFacts>, moves: Map<string, Move>): GraphMessage[] {
  const used = new Set<Recv>(pairs.values());
  const messages: GraphMessage[] = [];
  const broadcastRecvs = recvs.filter((r) => r.rec.via === 'broadcast');
  for (const s of sends) {
    const r = s.rec;
    const base = { send: entryKey(s), via: r.via, from: r.port, waited: false };
    if (r.outcome !== 'sent') {
      messages.push({ ...base, recv: [], to: null, outcome: r.outcome, method: 'observed' });
      continue;
    }
    if (r.via === 'broadcast') {
      // Every other BroadcastChannel object of that name and origin hears it, in this document too; never the sender itself.
      const got = broadcastRecvs.filter((x) => !(x.key === s.key && x.rec.port === r.port) && x.rec.name === r.name && x.rec.t >= r.t - 1000 && !used.has(x) && dataShape(x.rec.data) === dataShape(r.data));
      for (const x of got) used.add(x);
      messages.push({ ...base, recv: got.map(entryKey), to: null, outcome: got.length ? 'delivered' : 'unknown', method: got.length ? 'observed' : 'inferred' });
      continue;
    }
    const paired = pairs.get(s);
    if (paired) {
      const startedT = facts.get(paired.rec.port)?.startedT ?? null;
      const waited = startedT !== null && startedT > r.t;
      messages.push({ ...base, recv: [entryKey(paired)], to: paired.rec.port, outcome: paired.rec.type === 'messageerror' ? 'messageerror' : 'delivered', method: 'observed', waited });
      continue;
    }
    const move = moves.get(r.port);
    const other = r.via === 'port' ? twin.get(rootOf(r.port)) : undefined;
    const end = other ? facts.get(chain(other).at(-1)!) : undefined;
    const outcome = move && move.t < r.t ? 'lost-neutered' : !end ? 'unknown' : end.closed ? 'lost-closed' : !end.started ? 'queued' : 'unknown';
    messages.push({ ...base, recv: [], to: end?.id ?? null, outcome, method: 'inferred' });
  }
  for (const x of recvs) if (!used.has(x)) messages.push({ send: null, recv: [entryKey(x)], via: x.rec.via, from: null, to: x.rec.port, outcome: x.rec.type === 'messageerror' ? 'messageerror' : 'delivered', method: 'observed', waited: false });
  return messages;
}
