import { KINDS, OUTCOME_GROUPS, type MessageKind, type OutcomeGroup } from './model/describe';
import { emptyFilter, type TimelineFilter } from './store/filter';
import { SORT_COLUMNS, type SortOrder } from './store/selectors';

// Settings that persist across DevTools sessions, in the panel page's localStorage (the extension's
// own origin). Read defensively: an older or hand-edited value falls back to defaults field by field.

export const VIEWS = ['timeline', 'channels', 'frames', 'neutered', 'audits'] as const;
export type ViewId = (typeof VIEWS)[number];

export type TimeFormat = 'relative' | 'clock';

export interface PanelSettings {
  filter: TimelineFilter;
  /** Time column: seconds since the first record, or wall-clock time of day. */
  time: TimeFormat;
  sort: SortOrder;
  groupRepeats: boolean;
  preserveLog: boolean;
  view: ViewId;
}

const KEY = 'postscope.settings.v1';

export const defaultSettings: PanelSettings = { filter: emptyFilter, time: 'relative', sort: { column: 'time', descending: false }, groupRepeats: false, preserveLog: false, view: 'timeline' };

const oneOf = <T extends string>(allowed: readonly T[], v: unknown, fallback: T): T => (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback;
const listOf = <T extends string>(allowed: readonly T[], v: unknown): T[] => (Array.isArray(v) ? v.filter((x): x is T => (allowed as readonly unknown[]).includes(x)) : []);
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export const loadSettings = (storage: Pick<Storage, 'getItem'>): PanelSettings => {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    return defaultSettings;
  }
  const s = record(raw);
  const f = record(s.filter);
  const sort = record(s.sort);
  return {
    filter: {
      text: typeof f.text === 'string' ? f.text.slice(0, 1000) : '',
      invert: f.invert === true,
      kinds: listOf<MessageKind>(KINDS, f.kinds),
      groups: listOf<OutcomeGroup>(OUTCOME_GROUPS, f.groups),
      scope: null,
    },
    time: oneOf<TimeFormat>(['relative', 'clock'], s.time, 'relative'),
    sort: { column: oneOf(SORT_COLUMNS, sort.column, 'time'), descending: sort.descending === true },
    groupRepeats: s.groupRepeats === true,
    preserveLog: s.preserveLog === true,
    view: oneOf(VIEWS, s.view, 'timeline'),
  };
};

/** The scope (a port or frame picked in another view) is transient and not saved. */
export const saveSettings = (storage: Pick<Storage, 'setItem'>, s: PanelSettings): void => {
  try {
    storage.setItem(KEY, JSON.stringify({ ...s, filter: { ...s.filter, scope: null } }));
  } catch {
    // Storage full or disabled: settings simply do not persist.
  }
};
