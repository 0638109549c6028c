import { LIMITS, type Entry, type RecordOf } from '../../extension/protocol';
import type { ModelInput } from './input';
import type { CheckForm, Judgement, ListenerTraceSummary, ListenerVerdict, OriginCheck } from './verdict-types';
import { analyzeSource, type StaticFindings } from './origin-check-static';
import { bypassReason, findBypass, toRegExp } from './origin-check-examples';
import { entryKey } from './input';

// One verdict per message listener, from its source text (static) and the operations its runs
// applied to the origin (runtime). Pure: the same records always give the same verdicts.

export type RunTrace = Pick<RecordOf<'listener-run'>, 'reads' | 'ops' | 'threw'>;
type Op = RunTrace['ops'][number];

const NATIVE_TEXT = /\{\s*\[native code\]\s*\}\s*$/;

const jsonStrings = (text: string): string[] => {
  const out: string[] = [];
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    try {
      out.push(JSON.parse(m[0]) as string);
    } catch {
      // not a complete string (clipped)
    }
  }
  return out;
};
const oneString = (text: string): string | null => (text.startsWith('"') ? jsonStrings(text)[0] ?? null : null);
const asRegExpText = (text: string): string | null => (text.startsWith('/') ? text : oneString(text) !== null ? `/${oneString(text)}/` : null);

/** The check a traced operation performs, with the concrete values it ran with. */
export const opToCheck = (op: Op, statics: OriginCheck[]): OriginCheck | null => {
  const on: OriginCheck['on'] | null = op.on.startsWith('origin.hostname') ? 'hostname' : op.on.startsWith('origin.host') ? 'host' : /^origin(\.(toLowerCase|toUpperCase|trim|origin))*$/.test(op.on) ? 'origin' : null;
  if (on === null) return null;
  const text = `${op.role === 'this' ? op.on : op.recv}.${op.op.split('.')[1]}(${op.role === 'this' ? op.args.join(', ') : op.on}) → ${op.result}`;
  const make = (form: CheckForm, values: string[] | null): OriginCheck => ({ form, on, values, text, method: 'runtime' });
  const arg = op.args[0] ?? '';
  if (op.role === 'this') {
    const v = oneString(arg);
    switch (op.op) {
      case 'String.indexOf': case 'String.lastIndexOf': {
        const seen = statics.find((c) => c.on === on && (c.values === null || c.values[0] === v) && /\.(?:lastI|i)ndexOf\(/.test(c.text) && (c.form === 'truthy-indexOf' || c.form === 'prefix' || c.form === 'substring'));
        return v === null ? null : make(seen?.form ?? 'substring', [v]);
      }
      case 'String.includes': return v === null ? null : make('substring', [v]);
      case 'String.startsWith': return v === null ? null : make('prefix', [v]);
      case 'String.endsWith': return v === null ? null : make('suffix', [v]);
      case 'String.search': case 'String.match': {
        const re = asRegExpText(arg);
        return re === null ? null : make('regexp', [re]);
      }
      case 'String.localeCompare': return v === null ? null : make('equality', [v]);
    }
    return null;
  }
  switch (op.op) {
    case 'String.includes': case 'String.indexOf': case 'String.lastIndexOf': {
      const v = oneString(op.recv);
      return v === null ? null : make('reversed-substring', [v]);
    }
    case 'RegExp.test': case 'RegExp.exec': return op.recv.startsWith('/') ? make('regexp', [op.recv]) : null;
    case 'Array.includes': case 'Array.indexOf': case 'Set.has': case 'Map.has': case 'Map.get':
      return make('allow-list', jsonStrings(op.recv));
  }
  return null;
};

const keyOf = (c: OriginCheck) => `${c.form}|${c.on}|${c.values === null ? '?' : c.values.join('\u0000')}`;

/** Static checks, refined by runtime ones: a runtime check replaces a static one of the same shape with unknown values. */
const mergeChecks = (statics: OriginCheck[], runtime: OriginCheck[]): { checks: OriginCheck[] } => {
  const seen = new Set(statics.map(keyOf));
  const checks = [...statics];
  for (const r of runtime) {
    if (seen.has(keyOf(r))) continue;
    seen.add(keyOf(r));
    const method = /\.(\w+)\(/.exec(r.text)?.[1] ?? '';
    const vague = checks.findIndex((c) => c.method === 'static' && c.values === null && c.on === r.on && (c.form === r.form || c.form === 'helper' || c.text.includes(`.${method}(`)));
    if (vague >= 0) checks[vague] = r;
    else checks.push(r);
  }
  return { checks };
};

export const summarizeRuns = (runs: RunTrace[]): ListenerTraceSummary => ({
  runs: runs.length,
  readOrigin: runs.some((r) => r.reads.includes('origin')),
  readSource: runs.some((r) => r.reads.includes('source')),
  readData: runs.some((r) => r.reads.includes('data')),
  threw: runs.filter((r) => r.threw).length,
});

const attackerAnywhere = (frameOrigin: string | null): string => {
  try {
    const u = new URL(frameOrigin ?? '');
    return `${u.protocol}//evil.test${u.port ? ':' + u.port : ''}`;
  } catch {
    return 'https://evil.test';
  }
};

/**
 * The verdict for one listener from its source text (null when unknown) and its recorded runs.
 * `cut` says the source was truncated: a check in the missing part would be invisible, so an
 * absent check is then only 'unknown'.
 */
export const judgeListener = (source: string | null, runs: RunTrace[], frameOrigin: string | null, cut = false): Judgement => {
  const j = judgeText(source, runs, frameOrigin);
  if (cut && (j.kind === 'none' || j.kind === 'read-only')) {
    return { ...j, kind: 'unknown', reason: `the source text was cut at ${LIMITS.text} characters and the part recorded has no origin check (${j.reason})` };
  }
  return j;
};

const judgeText = (source: string | null, runs: RunTrace[], frameOrigin: string | null): Judgement => {
  const st: StaticFindings | null = source !== null && !NATIVE_TEXT.test(source) ? analyzeSource(source, frameOrigin) : null;
  const dyn = summarizeRuns(runs);
  const statics = st?.checks ?? [];
  const runtime = runs.flatMap((r) => r.ops.map((op) => opToCheck(op, statics)).filter((c): c is OriginCheck => c !== null));
  const { checks } = mergeChecks(statics, runtime);
  const method = st && runs.length ? 'both' : st ? 'static' : runs.length ? 'runtime' : 'none';
  const checksSource = (st?.sourceChecks ?? 0) > 0;
  const usesData = (st?.dataRefs ?? 0) > 0 || dyn.readData;
  const base = { checks, checksSource, method, usesData } as const;
  if (!st && runs.length === 0) {
    return { ...base, kind: 'unknown', example: null, reason: source === null ? 'no source text was recorded and the listener never ran' : 'a native or bound function: its source is not visible, and it never ran' };
  }
  const concrete = checks.filter((c) => c.form !== 'helper');
  const helpers = checks.filter((c) => c.form === 'helper');
  const firstCheckAt = st && st.offsets.length ? Math.min(...st.offsets) : Infinity;
  if (st && st.firstDataUse >= 0 && st.firstDataUse < firstCheckAt && concrete.length > 0) {
    return { ...base, kind: 'bypassable', example: attackerAnywhere(frameOrigin), reason: 'event.data is used before the origin is checked: the check comes too late to protect that use' };
  }
  if (concrete.length > 0) {
    const nullAllowed = concrete.find((c) => (c.form === 'equality' || c.form === 'allow-list') && c.values?.includes('null'));
    const at = (i: number) => concrete.indexOf(checks[i]);
    const alternatives = (st ? st.alternatives : []).map(([a, b]) => [at(a), at(b)] as [number, number]).filter(([a, b]) => a >= 0 && b >= 0);
    const bypass = findBypass(concrete, alternatives, frameOrigin);
    if (bypass) {
      const weak = bypass.example === 'null' && nullAllowed ? nullAllowed : bypass.weak.find((c) => c.form !== 'equality' && c.form !== 'allow-list') ?? bypass.weak[0];
      return { ...base, kind: 'bypassable', example: bypass.example, reason: bypassReason(weak, bypass.example) };
    }
    const unsafe = concrete.find((c) => c.form === 'regexp' && (c.values ?? []).some((v) => toRegExp(v) === null));
    if (unsafe) return { ...base, kind: 'unknown', example: null, reason: `${unsafe.text}: a RegExp that could backtrack without end is not run to test origins` };
    return { ...base, kind: 'strict', example: null, reason: strictReason(concrete) };
  }
  if (helpers.length > 0) {
    return { ...base, kind: 'unknown', example: null, reason: `the origin is passed to ${helpers[0].text.replace(/\(.*/, '')}(); the comparison inside it is only seen when it calls a traced method (=== is invisible)` };
  }
  if (checksSource) {
    return { ...base, kind: 'source-only', example: null, reason: 'only event.source is compared: any page that can navigate that window (or a frame it embeds) sends from it with another origin' };
  }
  const originRefs = st?.originRefs ?? 0;
  if (originRefs > 0) {
    if (st?.async && !dyn.readOrigin) return { ...base, kind: 'unknown', example: null, reason: 'an async listener: reads after an await are not traced, and no comparison is visible in its source' };
    return { ...base, kind: 'read-only', example: null, reason: 'event.origin is read but never compared (for example only used as a reply targetOrigin)' };
  }
  if (dyn.readOrigin) {
    return { ...base, kind: 'unknown', example: null, reason: "event.origin was read by code outside the listener's source text; comparisons made there with === are not visible" };
  }
  if (st && st.param === null && runs.length === 0 && !st.noParams) {
    return { ...base, kind: 'unknown', example: null, reason: 'the event parameter was not found in the source and the listener never ran' };
  }
  if (!usesData && runs.length === 0 && st?.param && new RegExp(String.raw`\(\s*${st.param.replace(/[$]/g, '\\$')}\s*[,)]`).test(source ?? '')) {
    return { ...base, kind: 'unknown', example: null, reason: 'the event is passed on to another function, and the listener never ran' };
  }
  return { ...base, kind: 'none', example: null, reason: usesData ? 'event.data is used without any check of event.origin or event.source' : 'reads neither event.origin nor event.data (nothing to protect, nothing checked)' };
};

const strictReason = (checks: OriginCheck[]): string => {
  const c = checks[0];
  const v = c.values === null ? 'an expression' : c.values.map((x) => JSON.stringify(x)).join(', ');
  switch (c.form) {
    case 'equality': return `origin is compared exactly with ${v}`;
    case 'allow-list': return `origin must be one of ${v}`;
    case 'key-lookup': return `origin is looked up as a key (${c.text})`;
    default: return `no attacker-controlled origin passes ${c.text}`;
  }
};

const frameOriginOf = (entries: Entry[], key: string): string | null => {
  const f = entries.find((e) => e.key === key && e.rec.k === 'frame');
  return f && f.rec.k === 'frame' ? f.rec.origin : null;
};

/** Most to least worrying: a dispatcher with several handlers is as weak as its weakest. */
const RISK = (j: Judgement): number =>
  j.kind === 'bypassable' ? 6 : j.kind === 'none' && j.usesData ? 5 : j.kind === 'source-only' ? 4 : j.kind === 'unknown' ? 3 : j.kind === 'read-only' ? 2 : j.kind === 'none' ? 1 : 0;

type LibrarySource = RecordOf<'listener-source'>;

/** The verdict for a library dispatcher: each real handler judged with the dispatcher's runs. */
const judgeLibrary = (lib: LibrarySource, traces: RunTrace[], frameOrigin: string | null): Judgement => {
  const judged = lib.handlers.map((h) => judgeListener(h.source, traces, frameOrigin));
  return judged.reduce((worst, j) => (RISK(j) > RISK(worst) ? j : worst));
};

/** Verdicts for every listener recorded in `input`, in registration order. */
export const listenerVerdicts = (input: ModelInput): ListenerVerdict[] => {
  const runs = new Map<string, Entry[]>();
  const removed = new Set<string>();
  const libraries = new Map<string, LibrarySource>();
  for (const e of input.entries) {
    if (e.rec.k === 'listener-run') runs.set(e.rec.listener, [...(runs.get(e.rec.listener) ?? []), e]);
    if (e.rec.k === 'listener-remove') removed.add(e.rec.listener);
    if (e.rec.k === 'listener-source' && e.rec.handlers.length > 0) libraries.set(e.rec.listener, e.rec);
  }
  const out: ListenerVerdict[] = [];
  for (const e of input.entries) {
    const r = e.rec;
    if (r.k !== 'listener-add') continue;
    const mine = runs.get(r.listener) ?? [];
    const traces = mine.map((x) => x.rec as RecordOf<'listener-run'>);
    const frameOrigin = frameOriginOf(input.entries, e.key);
    const lib = libraries.get(r.listener);
    out.push({
      ...(lib ? judgeLibrary(lib, traces, frameOrigin) : judgeListener(r.source, traces, frameOrigin, r.sourceLength !== undefined)),
      listener: r.listener,
      entry: entryKey(e),
      frameId: e.frameId,
      frameOrigin,
      name: lib ? lib.handlers.map((h) => h.name || '(anonymous)').join(', ') : r.name,
      how: r.how,
      targetKind: r.targetKind,
      call: r.call,
      source: lib ? lib.handlers.map((h) => h.source ?? '').join('\n\n') : r.source,
      library: lib ? lib.lib : null,
      removed: removed.has(r.listener),
      trace: summarizeRuns(traces),
      runs: mine.map((x) => `${x.key}#${x.rec.seq}`),
    });
  }
  return out;
};
