import type { Entry } from '../../extension/protocol';
import { entryKey } from './input';

// Audit evidence names records by entry key; the timeline shows messages. A message record is its
// own row; a listener run is shown as the message it handled: the hook records a delivery before
// any page listener runs (capture-window-receive), so that is the nearest earlier receive in the
// same document. Other records (registrations, port states) have no row.

const RECEIVES = new Set(['win-recv', 'port-recv']);
const MESSAGES = new Set(['win-recv', 'win-send', 'port-send', 'port-recv']);
/** How far back a run looks for its message: runs follow their dispatch closely. */
const LOOKBACK = 2000;

export const createMessageResolver = (entries: Entry[]) => {
  const index = new Map<string, number>();
  entries.forEach((e, i) => index.set(entryKey(e), i));
  const resolve = (key: string): string | null => {
    const i = index.get(key);
    if (i === undefined) return null;
    const e = entries[i];
    if (MESSAGES.has(e.rec.k)) return key;
    if (e.rec.k !== 'listener-run') return null;
    for (let j = i - 1; j >= 0 && j >= i - LOOKBACK; j--) {
      const m = entries[j];
      if (m.key === e.key && RECEIVES.has(m.rec.k) && m.rec.seq < e.rec.seq) return `${m.key}#${m.rec.seq}`;
    }
    return null;
  };
  /** The record kind behind a key ('port-state', 'listener-add'...), for evidence without a row. */
  const kindOf = (key: string): string | null => {
    const i = index.get(key);
    return i === undefined ? null : entries[i].rec.k;
  };
  return Object.assign(resolve, { kindOf });
};
