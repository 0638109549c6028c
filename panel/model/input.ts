import type { Entry, FrameNode } from '../../extension/protocol';
import type { CallSite } from '../../content-scripts/hook/call-site';

/** Unique per record: the recording document's key and the record's sequence number in it. */
export const entryKey = (e: Entry): string => `${e.key}#${e.rec.seq}`;

/** A postMessage call site found by reading the page's scripts (not by running them). */
export interface StaticSite {
  url: string;
  line: number;
  col: number;
  /** The targetOrigin argument's source text; "'*'" for a literal wildcard. */
  targetOrigin: string;
  /** The receiver expression's source text (`parent`, `iframe.contentWindow`, ...). */
  receiver: string;
  /** The listener verdict input for `addEventListener('message', ...)` sites, when applicable. */
  kind: 'send' | 'listener';
  excerpt: string;
}

/** Everything the pure model works on: what the panel holds, what a session file contains. */
export interface ModelInput {
  entries: Entry[];
  frames: FrameNode[];
  /** Results of static analysis of the page's scripts, when it ran. */
  staticSites?: StaticSite[];
}

export type { CallSite };
