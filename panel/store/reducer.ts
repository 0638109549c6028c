import type { BackgroundToPanel, Entry, FrameNode, Stats } from '../../extension/protocol';

// The panel's state: a pure reducer over what the background sends. Entries are deduplicated by
// (hook key, seq), because a history replay after a service worker restart overlaps live batches.

export interface PanelState {
  tabId: number | null;
  entries: Entry[];
  /** `${key}#${seq}` of every entry held. */
  seen: Set<string>;
  frames: FrameNode[];
  stats: Stats;
}

export const initialState = (): PanelState => ({ tabId: null, entries: [], seen: new Set(), frames: [], stats: { malformed: 0, evicted: 0, stored: 0 } });

/** Unique per record: the recording document's key and the record's sequence number in it. */
export const entryKey = (e: Entry): string => `${e.key}#${e.rec.seq}`;

const addEntries = (state: PanelState, incoming: Entry[]): PanelState => {
  const fresh = incoming.filter((e) => !state.seen.has(entryKey(e)));
  if (fresh.length === 0) return state;
  const seen = new Set(state.seen);
  for (const e of fresh) seen.add(entryKey(e));
  const entries = state.entries.concat(fresh);
  entries.sort((a, b) => a.rec.t - b.rec.t);
  return { ...state, entries, seen };
};

export const reduce = (state: PanelState, msg: BackgroundToPanel): PanelState => {
  switch (msg.type) {
    case 'history':
      return { ...addEntries({ ...state, tabId: msg.tabId }, msg.entries), frames: msg.frames, stats: msg.stats };
    case 'entries':
      return addEntries(state, msg.entries);
    case 'frames':
      return { ...state, frames: msg.frames };
    case 'stats':
      return msg.stats.stored === 0 ? { ...state, entries: [], seen: new Set(), stats: msg.stats } : { ...state, stats: msg.stats };
    case 'navigated':
    case 'deep':
      return state;
  }
};
