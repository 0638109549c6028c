import { SESSION_LIMITS, type BackgroundToPanel, type Entry, type FrameNode, type Stats } from '../../extension/protocol';
import type { ModelInput, StaticSite } from '../model/input';
import { addEntries, emptyList, keepNewest, type EntryList } from './entry-list';

// The panel's state: a pure reducer over what the background sends, delivered in batches (one per
// animation frame, see use-batched-transport.ts) so a flood of messages costs one update per frame.
// Entries are deduplicated by (hook key, seq) inside the entry list, because a history replay after
// a service worker restart overlaps live batches.

/** Most records the panel keeps (all of them fit in an exported session); older ones are dropped and counted, so a flood cannot freeze the panel. */
export const PANEL_LIMIT = SESSION_LIMITS.entries;

export interface PanelState {
  tabId: number | null;
  list: EntryList;
  frames: FrameNode[];
  stats: Stats;
  recording: boolean;
  preserveLog: boolean;
  /** Wall-time spans during which recording was paused; records from them are ignored, even on replay. */
  paused: [number, number][];
  /** Records at or before this time were cleared (by Clear or a navigation) and are ignored on replay. */
  clearedAt: number;
  /** Records dropped by the panel's own limit (PANEL_LIMIT). */
  droppedByPanel: number;
  /** Name of the imported session being shown; live traffic is ignored meanwhile. */
  imported: string | null;
  /** postMessage sites and listeners found in the page's scripts; null until a scan ran. */
  staticSites: StaticSite[] | null;
  /** Top-level navigations seen: the page's scripts are scanned again after each. */
  navigations: number;
  /** Deep mode (chrome.debugger) for this tab, as the background last reported it. */
  deep: { on: boolean; error: string | null };
}

export type PanelAction =
  /** `skipped`: live records dropped before reaching the reducer because more arrived than the panel keeps. */
  | { type: 'receive'; msgs: BackgroundToPanel[]; at: number; skipped?: number }
  | { type: 'clear'; at: number }
  | { type: 'record'; on: boolean; at: number }
  | { type: 'preserve-log'; on: boolean }
  | { type: 'import'; name: string; input: ModelInput }
  | { type: 'live' }
  /** The static scan of one script or document (replaces what an earlier scan found in it). */
  | { type: 'static-sites'; url: string; sites: StaticSite[] };

const noStats: Stats = { malformed: 0, evicted: 0, stored: 0 };

export const initialState = (): PanelState => ({
  tabId: null,
  list: emptyList,
  frames: [],
  stats: noStats,
  recording: true,
  preserveLog: false,
  paused: [],
  clearedAt: -Infinity,
  droppedByPanel: 0,
  imported: null,
  staticSites: null,
  navigations: 0,
  deep: { on: false, error: null },
});


const wanted = (state: PanelState, e: Entry): boolean => {
  if (e.rec.t <= state.clearedAt) return false;
  for (const [from, to] of state.paused) if (e.rec.t >= from && e.rec.t < to) return false;
  return true;
};

const withEntries = (state: PanelState, incoming: Entry[]): PanelState => {
  const accepted = state.clearedAt === -Infinity && state.paused.length === 0 ? incoming : incoming.filter((e) => wanted(state, e));
  const { list, added } = addEntries(state.list, accepted);
  if (added === 0) return state;
  const kept = keepNewest(list, PANEL_LIMIT);
  return { ...state, list: kept.list, droppedByPanel: state.droppedByPanel + kept.dropped };
};

const clearAt = (state: PanelState, at: number): PanelState => ({ ...state, list: emptyList, clearedAt: Math.max(state.clearedAt, at), droppedByPanel: 0 });

const receiveOne = (state: PanelState, msg: BackgroundToPanel, at: number): PanelState => {
  switch (msg.type) {
    case 'history':
      return { ...withEntries({ ...state, tabId: msg.tabId }, msg.entries), frames: msg.frames, stats: msg.stats };
    case 'entries':
      return state.recording ? withEntries(state, msg.entries) : state;
    case 'frames':
      return { ...state, frames: msg.frames };
    case 'stats':
      return msg.stats.stored === 0 ? { ...clearAt(state, at), stats: msg.stats } : { ...state, stats: msg.stats };
    case 'deep':
      return { ...state, deep: { on: msg.on, error: msg.error } };
    case 'navigated': {
      // Like the Network panel: a top-level navigation starts a new log unless "Preserve log" is on.
      const next = { ...state, navigations: state.navigations + 1 };
      return state.preserveLog ? next : { ...clearAt(next, at), staticSites: null };
    }
  }
};

export const reduce = (state: PanelState, action: PanelAction): PanelState => {
  switch (action.type) {
    case 'receive':
      if (state.imported !== null) return state;
      return action.msgs.reduce((s, m) => receiveOne(s, m, action.at), action.skipped ? { ...state, droppedByPanel: state.droppedByPanel + action.skipped } : state);
    case 'clear':
      return { ...clearAt(state, action.at), imported: null };
    case 'record': {
      if (action.on === state.recording) return state;
      if (!action.on) return { ...state, recording: false, paused: [...state.paused, [action.at, Infinity]] };
      const paused = state.paused.slice();
      const last = paused[paused.length - 1];
      if (last) paused[paused.length - 1] = [last[0], action.at];
      return { ...state, recording: true, paused };
    }
    case 'preserve-log':
      return { ...state, preserveLog: action.on };
    case 'import': {
      const fresh = { ...initialState(), tabId: state.tabId, recording: state.recording, preserveLog: state.preserveLog, frames: action.input.frames, imported: action.name, staticSites: action.input.staticSites ?? null };
      return withEntries(fresh, action.input.entries);
    }
    case 'live':
      return { ...initialState(), tabId: state.tabId, recording: state.recording, preserveLog: state.preserveLog };
    case 'static-sites': {
      if (state.imported !== null) return state;
      const others = (state.staticSites ?? []).filter((s) => s.url !== action.url);
      return { ...state, staticSites: others.concat(action.sites).slice(0, SESSION_LIMITS.staticSites) };
    }
  }
};
