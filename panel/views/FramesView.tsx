import { useMemo, type ReactNode } from 'react';
import type { FrameNode } from '../../extension/protocol';
import type { Row } from '../model/describe';
import { frameLabel } from '../model/frames';
import type { ModelInput } from '../model/input';
import type { Entry } from '../../extension/protocol';
import { TruncatedText } from './common/TruncatedText';

// The tab's frame tree, with each frame's origin, current message listeners and message counts.
// Selecting a frame restricts the timeline to messages it sent or received.

interface Counts { in: number; out: number }

const countByFrame = (rows: Row[]): Map<string, Counts> => {
  const m = new Map<string, Counts>();
  const bump = (label: string, k: keyof Counts) => {
    const name = label.split(' · ')[0];
    const c = m.get(name) ?? { in: 0, out: 0 };
    c[k]++;
    m.set(name, c);
  };
  for (const r of rows) {
    bump(r.from, 'out');
    bump(r.to, 'in');
  }
  return m;
};

/** Window message listeners currently registered, per document key, in one pass over the records. */
const windowListeners = (entries: Entry[]): Map<string, number> => {
  const live = new Map<string, Set<string>>();
  for (const e of entries) {
    const r = e.rec;
    if (r.k === 'listener-add' && r.target === 'window' && r.type === 'message') {
      const set = live.get(e.key) ?? new Set<string>();
      set.add(r.listener);
      live.set(e.key, set);
    } else if (r.k === 'listener-remove') live.get(e.key)?.delete(r.listener);
  }
  return new Map([...live].map(([k, s]) => [k, s.size]));
};

export function FramesView({ input, rows, onSelect }: { input: ModelInput; rows: Row[]; onSelect: (frameId: number, label: string) => void }) {
  const counts = useMemo(() => countByFrame(rows), [rows]);
  const listenerCounts = useMemo(() => windowListeners(input.entries), [input.entries]);
  const frames = input.frames;
  const children = useMemo(() => {
    const m = new Map<number, FrameNode[]>();
    for (const f of frames) m.set(f.parentFrameId, [...(m.get(f.parentFrameId) ?? []), f]);
    return m;
  }, [frames]);
  const roots = frames.filter((f) => f.parentFrameId === -1 || !frames.some((p) => p.frameId === f.parentFrameId));
  if (frames.length === 0) return <p className="empty">No frames known yet.</p>;
  const node = (f: FrameNode, depth: number): ReactNode => {
    const label = frameLabel(frames, f.frameId);
    const c = counts.get(label) ?? { in: 0, out: 0 };
    const listeners = f.key ? listenerCounts.get(f.key) ?? 0 : 0;
    return (
      <li key={`${f.frameId}:${f.navigations}`} role="treeitem">
        <button className={`frame-row${f.gone ? ' gone' : ''}`} onClick={() => onSelect(f.frameId, label)} data-frame={f.frameId} style={{ paddingLeft: depth * 16 + 6 }}>
          <span className="frame-name">{f.frameId === 0 ? 'top' : f.path ? `frames[${f.path.join('][')}]` : `frame ${f.frameId}`}</span>
          <span className="frame-origin"><TruncatedText text={f.origin ?? 'unknown origin'} limit={80} /></span>
          <span className="frame-url"><TruncatedText text={f.url} limit={100} /></span>
          {f.flavor && f.flavor !== 'normal' && <span className="badge">{f.flavor}</span>}
          {f.gone && <span className="badge">gone</span>}
          <span className="frame-counts">{listeners} listeners · {c.in} in · {c.out} out</span>
        </button>
        {(children.get(f.frameId) ?? []).length > 0 && <ul role="group">{(children.get(f.frameId) ?? []).map((k) => node(k, depth + 1))}</ul>}
      </li>
    );
  };
  return <ul className="frames-tree" role="tree" data-testid="frames">{roots.map((f) => node(f, 0))}</ul>;
}
