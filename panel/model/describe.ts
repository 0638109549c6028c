import type { Entry, FrameNode, Preview } from '../../extension/protocol';
import { frameLabel, frameOfRef } from './frames';
import { previewText } from './preview-text';
import { formatBytes, previewSize } from './preview-size';
import { entryKey } from './input';

/** Outcome families for the chips: what happened to a message, coarsely. */
export type OutcomeGroup = 'ok' | 'dropped' | 'lost' | 'failed' | 'unknown';
export const OUTCOME_GROUPS: OutcomeGroup[] = ['ok', 'dropped', 'lost', 'failed', 'unknown'];
export const KINDS = ['window', 'port', 'worker', 'service-worker', 'broadcast', 'client'] as const;
export type MessageKind = (typeof KINDS)[number];

/** The longest preview text a row carries; the details pane shows the full preview. */
const PREVIEW_CHARS = 300;

/** One timeline row: every column as text, plus what the filter and the styling need. */
export interface Row {
  id: string;
  entry: Entry;
  t: number;
  kind: MessageKind;
  /** Which side recorded it: the sender's call or the receiver's event. */
  side: 'send' | 'recv';
  from: string;
  to: string;
  /** targetOrigin as given by the sender; 'unknown' when the sender was not observed, '' when not applicable. */
  targetOrigin: string;
  /** event.origin on the receiving side; '' when not applicable. */
  origin: string;
  outcome: string;
  group: OutcomeGroup;
  size: number | null;
  sizeText: string;
  preview: string;
  /** Port, worker or BroadcastChannel this message went through (ids and names), for `channel:`. */
  channel: string;
  wildcard: boolean;
}

/** Kind, sides, outcome and data: consecutive rows with the same signature are grouped as repeats. */
export const sameMessage = (a: Row, b: Row): boolean =>
  a.preview === b.preview && a.kind === b.kind && a.side === b.side && a.from === b.from && a.to === b.to && a.outcome === b.outcome;

const groupOf = (outcome: string): OutcomeGroup => {
  if (outcome === 'delivered' || outcome === 'sent') return 'ok';
  if (outcome.startsWith('dropped')) return 'dropped';
  if (outcome.startsWith('lost') || outcome === 'doomed') return 'lost';
  if (outcome === 'threw' || outcome === 'messageerror') return 'failed';
  return 'unknown';
};

const sizeOf = (data: Preview | null): { size: number | null; sizeText: string } => {
  if (!data) return { size: null, sizeText: 'unknown' };
  const s = previewSize(data);
  return { size: s.bytes, sizeText: `${s.exact ? '' : '≥'}${formatBytes(s.bytes)}` };
};

const clip = (s: string): string => (s.length > PREVIEW_CHARS ? s.slice(0, PREVIEW_CHARS) + '…' : s);

const make = (e: Entry, fields: Omit<Row, 'id' | 'entry' | 't' | 'group' | 'size' | 'sizeText' | 'preview'>, data: Preview | null): Row => {
  const size = sizeOf(data);
  return {
    id: entryKey(e),
    entry: e,
    t: e.rec.t,
    kind: fields.kind,
    side: fields.side,
    from: fields.from,
    to: fields.to,
    targetOrigin: fields.targetOrigin,
    origin: fields.origin,
    outcome: fields.outcome,
    group: groupOf(fields.outcome),
    size: size.size,
    sizeText: size.sizeText,
    preview: data ? clip(previewText(data)) : 'unknown',
    channel: fields.channel,
    wildcard: fields.wildcard,
  };
};

/** The timeline row for one entry; null for records that are not messages (listeners, states, frames). */
export const describeEntry = (e: Entry, frames: FrameNode[]): Row | null => {
  const r = e.rec;
  const here = frameLabel(frames, e.frameId);
  switch (r.k) {
    case 'win-recv':
      return make(e, {
        kind: 'window', side: 'recv', from: frameOfRef(frames, e.frameId, r.source), to: here, targetOrigin: 'unknown', origin: r.origin,
        outcome: r.type === 'messageerror' ? 'messageerror' : 'delivered', channel: r.ports.join(' '), wildcard: false,
      }, r.type === 'messageerror' ? null : r.data);
    case 'win-send':
      return make(e, {
        kind: 'window', side: 'send', from: e.frameId < 0 && r.call ? `unknown frame (${r.call.url}:${r.call.line})` : here, to: frameOfRef(frames, e.frameId, r.target), targetOrigin: r.targetOrigin ?? 'unknown',
        origin: r.recipientOrigin ?? '', outcome: r.outcome, channel: r.transfer.map((x) => x.id ?? '').join(' ').trim(), wildcard: r.targetOrigin === '*',
      }, r.data);
    case 'port-send':
      return make(e, {
        kind: r.via, side: 'send', from: `${here} · ${r.port}`, to: 'unknown', targetOrigin: '', origin: '', outcome: r.outcome,
        channel: [r.port, r.name ?? '', ...r.transfer.map((x) => x.id ?? '')].join(' ').trim(), wildcard: false,
      }, r.data);
    case 'port-recv':
      return make(e, {
        kind: r.via, side: 'recv', from: 'unknown', to: `${here} · ${r.port}`, targetOrigin: '', origin: '',
        outcome: r.type === 'messageerror' ? 'messageerror' : 'delivered', channel: [r.port, r.name ?? '', ...r.ports].join(' ').trim(), wildcard: false,
      }, r.type === 'messageerror' ? null : r.data);
    default:
      return null;
  }
};
