import { arr, custom, int, lit, nullable, num, obj, optional, str, type Infer, type Schema } from './schema';
import { LIMITS } from './limits';
import { callSiteSchema, urlStr } from './common';
import { entrySchema, frameNodeSchema, statsSchema } from './messages';

// A recorded session as a file (like a HAR file for messaging): what the panel exports and imports
// and what the CLI writes and audits. The records are the protocol's own entries, so a session holds
// exactly what the panel held; everything derived (graphs, verdicts, findings) is recomputed from
// them on import. schemas/session.schema.json describes the same shape for other tools.

/** Bumped whenever the file's shape changes incompatibly (including any record shape change). */
export const SESSION_VERSION = 1;
export const SESSION_FORMAT = 'postscope-session';

/** Bounds on what a session file may hold (a file is as untrusted as a page). */
export const SESSION_LIMITS = {
  /** The panel keeps live entries beyond the background's history, so more than LIMITS.tabHistory. */
  entries: 100_000,
  frames: 5_000,
  staticSites: 20_000,
  findings: 200,
  findingItems: 5_000,
  coverageNotes: 100,
  /** Largest file parsed, in characters. */
  fileChars: 256 * 1024 * 1024,
} as const;

/** A postMessage call or message listener found by reading a page script (StaticSite in panel/model/input.ts). */
export const staticSiteSchema = obj({
  url: urlStr(),
  line: int(),
  col: int(),
  targetOrigin: str(LIMITS.text),
  receiver: str(LIMITS.text),
  kind: lit('send', 'listener'),
  excerpt: str(LIMITS.text),
});

const scalar: Schema<string | number | boolean | null> = custom((v, p) => {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'string') return str(LIMITS.text).check(v, p);
  return typeof v === 'number' ? num().check(v, p) : `${p}: expected string, number, boolean or null`;
});

/** A plain object whose values are scalars (an audit item's details column). */
const scalarRecord = (maxKeys: number): Schema<Record<string, string | number | boolean | null>> => custom((v, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p}: expected object`;
  const keys = Object.keys(v);
  if (keys.length > maxKeys) return `${p}: more than ${maxKeys} keys`;
  for (const k of keys) {
    if (k.length > 256) return `${p}: key longer than 256 chars`;
    const e = scalar.check((v as Record<string, unknown>)[k], `${p}.${k}`);
    if (e) return e;
  }
  return null;
});

const evidenceSchema = obj({
  entry: optional(str(256)),
  listener: optional(str(64)),
  callSite: optional(callSiteSchema),
  frameId: optional(int()),
  method: lit('runtime', 'debugger', 'static'),
});

/** One audit's outcome as runAudits returns it (panel/model/audits/types.ts), kept for diffing sessions. */
export const findingSchema = obj({
  meta: obj({
    id: str(128),
    title: str(512),
    failureTitle: str(512),
    description: str(LIMITS.text),
    severity: lit('high', 'medium', 'low', 'info'),
  }),
  result: obj({
    score: nullable(num()),
    items: arr(obj({ summary: str(LIMITS.text), evidence: arr(evidenceSchema, 100), details: scalarRecord(50) }), SESSION_LIMITS.findingItems),
  }),
});

/** How the session was captured. */
export const sessionMetaSchema = obj({
  /** ISO 8601 time the file was written. */
  created: str(64),
  recorder: lit('panel', 'cli'),
  /** The top frame's URL when the recording ended, when known. */
  url: nullable(urlStr()),
  title: nullable(str(256)),
  /** Browser product and version as the browser reports it, e.g. "Chrome/131.0.6778.85". */
  browser: str(256),
  extensionVersion: str(64),
  /** The protocol version of the records in `entries`. */
  protocolVersion: int(),
  /** The background's counters (evicted records mean the start of the session is missing). */
  stats: nullable(statsSchema),
  /** What this capture could not see, in words (for example: window sends are known from the receiving side only). */
  coverage: arr(str(1024), SESSION_LIMITS.coverageNotes),
});

export const sessionFileSchema = obj({
  format: lit(SESSION_FORMAT),
  version: lit(SESSION_VERSION),
  meta: sessionMetaSchema,
  frames: arr(frameNodeSchema, SESSION_LIMITS.frames),
  entries: arr(entrySchema, SESSION_LIMITS.entries),
  /** Absent when static analysis did not run; [] when it ran and found nothing. */
  staticSites: optional(arr(staticSiteSchema, SESSION_LIMITS.staticSites)),
  /** Audit results at the time of writing; informational (importers recompute them from entries). */
  findings: optional(arr(findingSchema, SESSION_LIMITS.findings)),
});

export type SessionMeta = Infer<typeof sessionMetaSchema>;
export type SessionFile = Infer<typeof sessionFileSchema>;
export type SessionFinding = Infer<typeof findingSchema>;
