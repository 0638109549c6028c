import type { MessageKind, OutcomeGroup, Row } from '../model/describe';

// The timeline's filter, in the Network panel's language: free text, `key:value` terms and `-`
// negation, all terms ANDed. Values match as case-insensitive substrings, except `target:*`, which
// means exactly the wildcard targetOrigin. Quoted values ("a b") may contain spaces.

export const FILTER_KEYS = ['from', 'to', 'origin', 'kind', 'outcome', 'channel', 'target'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface FilterTerm {
  key: FilterKey | 'text';
  value: string;
  negated: boolean;
}

const TOKEN = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))/gi;

export const parseFilter = (text: string): FilterTerm[] => {
  const terms: FilterTerm[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const negated = m[1] === '-';
    const rawKey = m[2]?.toLowerCase();
    const value = (m[3] ?? m[4] ?? '').toLowerCase();
    const key = rawKey && (FILTER_KEYS as readonly string[]).includes(rawKey) ? (rawKey as FilterKey) : null;
    if (rawKey && !key) {
      // An unknown key is text, like the Network panel does with `foo:bar`.
      terms.push({ key: 'text', value: `${rawKey}:${value}`, negated });
      continue;
    }
    if (value === '' && !key) continue;
    terms.push({ key: key ?? 'text', value, negated });
  }
  return terms;
};

/** Lower-cased column text per row, computed once per row (the filter runs on every keystroke). */
export interface Haystack {
  text: string;
  from: string;
  to: string;
  origin: string;
  kind: string;
  outcome: string;
  channel: string;
  target: string;
}

export const haystackOf = (r: Row): Haystack => ({
  text: `${r.kind} ${r.side} ${r.from} ${r.to} ${r.targetOrigin} ${r.origin} ${r.outcome} ${r.channel} ${r.preview}`.toLowerCase(),
  from: r.from.toLowerCase(),
  to: r.to.toLowerCase(),
  origin: `${r.origin} ${r.targetOrigin}`.toLowerCase(),
  kind: `${r.kind} ${r.side}`,
  outcome: `${r.outcome} ${r.group}`,
  channel: r.channel.toLowerCase(),
  target: r.targetOrigin.toLowerCase(),
});

const termMatches = (h: Haystack, t: FilterTerm): boolean => {
  if (t.key === 'target' && t.value === '*') return h.target === '*';
  return h[t.key].includes(t.value);
};

export const matchesTerms = (h: Haystack, terms: FilterTerm[]): boolean => {
  for (const t of terms) if (termMatches(h, t) === t.negated) return false;
  return true;
};

/** Everything the timeline filters on; persisted across sessions. */
export interface TimelineFilter {
  text: string;
  invert: boolean;
  /** Empty = all kinds. */
  kinds: MessageKind[];
  /** Empty = all outcomes. */
  groups: OutcomeGroup[];
  /** Restrict to one port/channel id or one frame (set by the Channels and Frames views). */
  scope: { type: 'channel'; id: string } | { type: 'frame'; frameId: number; label: string } | null;
}

export const emptyFilter: TimelineFilter = { text: '', invert: false, kinds: [], groups: [], scope: null };

/** A from/to column names the frame, alone or with a port (`label · port`). */
const involves = (column: string, label: string): boolean => column === label || column.startsWith(`${label} · `);

export interface RowPredicate {
  (r: Row, h: Haystack | null): boolean;
  /** Text terms present: the predicate needs each row's haystack (computed lazily, once per row). */
  needsText: boolean;
}

/** A row predicate for a filter. Chips and scope always apply; invert flips the text terms only (as in DevTools). */
export const rowPredicate = (f: TimelineFilter): RowPredicate => {
  const terms = parseFilter(f.text);
  const kinds = new Set<string>(f.kinds);
  const groups = new Set<string>(f.groups);
  const scope = f.scope;
  const test = (r: Row, h: Haystack | null): boolean => {
    if (kinds.size && !kinds.has(r.kind)) return false;
    if (groups.size && !groups.has(r.group)) return false;
    if (scope?.type === 'channel' && !r.channel.split(' ').includes(scope.id)) return false;
    if (scope?.type === 'frame' && r.entry.frameId !== scope.frameId && !involves(r.from, scope.label) && !involves(r.to, scope.label)) return false;
    if (terms.length === 0 || !h) return true;
    return matchesTerms(h, terms) !== f.invert;
  };
  return Object.assign(test, { needsText: terms.length > 0 });
};
