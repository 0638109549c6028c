import type { Entry } from '../extension/protocol';
import type { AuditItem, AuditMeta, AuditResult } from '../panel/model/audits/types';
import type { CallSite, ModelInput } from '../panel/model/input';
import { entryKey } from '../panel/model/input';

// What every report format shares: which audits failed, which failures fail the run, and where in
// the page's scripts each finding is.

export interface AuditOutcome {
  meta: AuditMeta;
  result: AuditResult;
}

export interface AuditRun {
  /** The page or session file audited, as given on the command line. */
  target: string;
  /** The audited page's URL, when known. */
  url: string | null;
  /** Postscope's version that recorded the session. */
  version: string;
  input: ModelInput;
  outcomes: AuditOutcome[];
  /** Ids of failed audits that --fail-on selects: non-empty means exit code 1. */
  matched: string[];
}

/** Lighthouse's convention: a score below 1 is a failure; null means there was nothing to judge. */
export const failed = (o: AuditOutcome): boolean => o.result.score !== null && o.result.score < 1;

/** The failed audits that `failOn` ('any', 'none' or audit ids) selects. */
export const matchFailOn = (outcomes: AuditOutcome[], failOn: string[]): string[] =>
  outcomes.filter(failed).map((o) => o.meta.id).filter((id) => !failOn.includes('none') && (failOn.includes('any') || failOn.includes(id)));

/** Short names accepted by --fail-on, as the README writes them. */
export const FAIL_ON_ALIASES: ReadonlyMap<string, string> = new Map([
  ['wildcard', 'wildcard-target-origin'],
  ['no-origin-check', 'missing-origin-check'],
  ['bypassable-check', 'bypassable-origin-check'],
  ['mismatch', 'origin-mismatch-drops'],
  ['neutered', 'neutered-use'],
  ['lost-messages', 'lost-port-messages'],
]);

export const resolveFailOn = (failOn: string[]): string[] => failOn.map((id) => FAIL_ON_ALIASES.get(id) ?? id);

/** --fail-on ids that name no audit (a typo must not make CI silently pass). */
export const unknownFailOn = (failOn: string[], known: string[]): string[] => failOn.filter((id) => id !== 'any' && id !== 'none' && !known.includes(id));

const callOf = (e: Entry): CallSite | null => {
  const r = e.rec;
  switch (r.k) {
    case 'win-send': case 'port-send': case 'channel': return r.call;
    case 'listener-add': return r.defined ?? r.call;
    default: return null;
  }
};

/** Source locations of an item's evidence: its call sites, or the call sites of the records it cites; distinct, in order. */
export const itemLocations = (item: AuditItem, input: ModelInput): CallSite[] => {
  const byKey = new Map(input.entries.map((e) => [entryKey(e), e] as const));
  const out: CallSite[] = [];
  const seen = new Set<string>();
  for (const ev of item.evidence) {
    const cited = ev.entry ? byKey.get(ev.entry) : undefined;
    const site = ev.callSite ?? (cited ? callOf(cited) : null);
    if (!site) continue;
    const key = `${site.url}:${site.line}:${site.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(site);
  }
  return out;
};

/** The item's locations that its summary does not already spell out (audits often write "at url:line:col"). */
export const extraLocations = (item: AuditItem, input: ModelInput): CallSite[] =>
  itemLocations(item, input).filter((s) => !item.summary.includes(`${s.url}:${s.line}:${s.col}`));
