import type { CallSite } from './input';

// What Postscope concludes about one message listener's origin check.

export type VerdictKind = 'none' | 'strict' | 'bypassable' | 'source-only' | 'read-only' | 'unknown';

/**
 * The shapes of origin check Postscope recognizes. 'equality' and 'allow-list' are exact;
 * 'substring', 'truthy-indexOf', 'prefix', 'suffix', 'regexp' and 'reversed-substring' are judged by
 * trying concrete attacker origins against them; 'key-lookup' (`allowed[origin]`) is exact for plain
 * objects; 'helper' means the origin went into a function whose comparison is not visible.
 */
export type CheckForm = 'equality' | 'allow-list' | 'substring' | 'truthy-indexOf' | 'prefix' | 'suffix' | 'regexp' | 'reversed-substring' | 'key-lookup' | 'helper';

export interface OriginCheck {
  form: CheckForm;
  /** The value checked: the origin itself, or the hostname/host of `new URL(origin)`. */
  on: 'origin' | 'hostname' | 'host';
  /**
   * What it is compared with: string literals, a RegExp as '/source/flags', list items, the text
   * searched by a reversed check. null when only an expression is visible (`=== expectedOrigin`).
   */
  values: string[] | null;
  /** The source excerpt (static) or the operation as traced (runtime). */
  text: string;
  method: 'runtime' | 'static';
}

/** What a listener did with events, over all its recorded runs. */
export interface ListenerTraceSummary {
  runs: number;
  readOrigin: boolean;
  readSource: boolean;
  readData: boolean;
  threw: number;
}

export interface Judgement {
  kind: VerdictKind;
  reason: string;
  /** For 'bypassable': a concrete origin that passes the check (and, for 'source-only', none). */
  example: string | null;
  checks: OriginCheck[];
  /** The listener compares event.source (alone, for 'source-only'). */
  checksSource: boolean;
  /** It reads event.data (in its source or in a recorded run). */
  usesData: boolean;
  /** Where the evidence came from. */
  method: 'runtime' | 'static' | 'both' | 'none';
}

export interface ListenerVerdict extends Judgement {
  /** Hook listener id. */
  listener: string;
  /** Entry key of the listener-add record. */
  entry: string;
  frameId: number;
  /** The origin of the document the listener lives in, when known. */
  frameOrigin: string | null;
  name: string;
  how: 'addEventListener' | 'onmessage' | 'onmessageerror';
  targetKind: string;
  call: CallSite | null;
  /** The handler's source; for a library dispatcher, its real handlers' sources one after another. */
  source: string | null;
  /** 'zone' or 'jquery' when the registered function is a library dispatcher whose handlers were found. */
  library: string | null;
  removed: boolean;
  trace: ListenerTraceSummary;
  /** Entry keys of the listener-run records. */
  runs: string[];
}
