import type { OriginCheck } from './verdict-types';

// Static analysis of one listener's source text (Function.prototype.toString). It finds the event
// parameter, the expressions that hold the origin (`e.origin`, aliases, destructuring, the
// hostname of `new URL(origin)`) and the comparisons applied to them, including the `===` that no
// runtime trace can see. It reads text with regular expressions, not a parser: what it cannot
// recognize it leaves out, and the verdict says 'unknown' rather than guess.

export interface StaticFindings {
  /** The event parameter's name, when found. */
  param: string | null;
  /** Declared without parameters and never touches `arguments` or the global `event`. */
  noParams: boolean;
  async: boolean;
  originRefs: number;
  dataRefs: number;
  checks: OriginCheck[];
  /** Offsets of the checks, parallel to `checks`. */
  offsets: number[];
  /** `e.source === x` or `!==` comparisons. */
  sourceChecks: number;
  /** Offset of the first use of event.data as a call argument or an HTML sink; -1 if none. */
  firstDataUse: number;
  /** Pairs of check indexes joined by `||` in one condition (alternatives, not guards). */
  alternatives: [number, number][];
}

export const STR = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\$]|\\.)*\x60`;
export const REGEX_LIT = String.raw`\/(?![*/])(?:[^/\\\n\[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[dgimsuyv]*`;
// Member chains are bounded: an unbounded chain lets a hostile source make these patterns backtrack for seconds.
const IDENT = String.raw`[\w$]+(?:\s*\.\s*[\w$]+){0,8}`;
const ARRAY_LIT = String.raw`\[\s*(?:(?:${STR})\s*,?\s*)*\]`;
const CMP = String.raw`===|!==|==|!=`;

const esc = (s: string) => s.replace(/[$]/g, '\\$');
/** jQuery hands its handlers a wrapper event; the MessageEvent is its `originalEvent`. */
const WRAPPED = String.raw`(?:\s*\.\s*originalEvent)?`;

export const unquote = (lit: string): string => lit.slice(1, -1).replace(/\\(.)/g, '$1');

export const stringsIn = (text: string): string[] => [...text.matchAll(new RegExp(STR, 'g'))].map((m) => unquote(m[0]));

const PARAM_FORMS = [
  /^\s*(?:async\s+)?function\b[^(]*\(\s*([\w$]+)/,
  /^\s*(?:async\s+)?([\w$]+)\s*=>/,
  /^\s*(?:async\s+)?\(\s*([\w$]+)\s*[,)=]/,
  /^\s*(?:async\s+)?[\w$]+\s*\(\s*([\w$]+)/,
];

interface Subjects { origin: string[]; hostname: string[]; host: string[] }

const eventParam = (src: string): { param: string | null; destructured: Record<string, string> } => {
  const destructured: Record<string, string> = {};
  const d = /^[^{]*?\(\s*\{([^}]*)\}/.exec(src);
  if (d && !/=>|\{/.test(src.slice(0, d.index))) {
    for (const part of d[1].split(',')) {
      const m = /^\s*(origin|data|source)\s*(?::\s*([\w$]+))?/.exec(part);
      if (m) destructured[m[1]] = m[2] ?? m[1];
    }
    return { param: null, destructured };
  }
  for (const re of PARAM_FORMS) {
    const m = re.exec(src);
    if (m && m[1] !== 'function' && m[1] !== 'async') return { param: m[1], destructured };
  }
  return { param: /\bevent\s*\.\s*(?:origin|data)\b/.test(src) ? 'event' : null, destructured };
};

const subjectsOf = (src: string, param: string | null, destructured: Record<string, string>): Subjects => {
  const origin: string[] = [];
  if (param) origin.push(String.raw`\b${esc(param)}${WRAPPED}\s*(?:\.\s*origin\b|\[\s*['"]origin['"]\s*\])`);
  if (destructured.origin) origin.push(String.raw`\b${esc(destructured.origin)}\b(?!\s*[:=][^=])`);
  const ev = param ? esc(param) : null;
  if (ev) {
    for (const m of src.matchAll(new RegExp(String.raw`(?:const|let|var)\s*\{([^}]*)\}\s*=\s*${ev}\b`, 'g'))) {
      const o = /(?:^|,)\s*origin\s*(?::\s*([\w$]+))?/.exec(m[1]);
      if (o) origin.push(String.raw`\b${esc(o[1] ?? 'origin')}\b(?!\s*[:=][^=])`);
    }
  }
  const lower = String.raw`(?:\s*\.\s*(?:toLowerCase|toUpperCase|trim)\s*\(\s*\))?`;
  const aliasOf = (patterns: string[]): string[] => {
    if (patterns.length === 0) return [];
    const any = `(?:${patterns.join('|')})${lower}`;
    const out: string[] = [];
    for (const m of src.matchAll(new RegExp(String.raw`(?:\b(?:const|let|var)\s+|[;,{(]\s*)([\w$]+)\s*=\s*(?:${any})\s*[;,\n)]`, 'g'))) {
      out.push(String.raw`\b${esc(m[1])}\b(?!\s*[:=][^=])`);
    }
    return out;
  };
  origin.push(...aliasOf(origin));
  const originAny = origin.length ? `(?:${origin.join('|')})${lower}` : null;
  const urls: string[] = [];
  if (originAny) {
    urls.push(String.raw`new\s+URL\s*\(\s*${originAny}\s*\)`);
    for (const m of src.matchAll(new RegExp(String.raw`(?:const|let|var)\s+([\w$]+)\s*=\s*new\s+URL\s*\(\s*${originAny}\s*\)`, 'g'))) urls.push(String.raw`\b${esc(m[1])}\b`);
  }
  // `new URL(origin).origin` is the origin again, normalized.
  const originAgain = urls.length ? [String.raw`(?:${urls.join('|')})\s*\.\s*origin\b`] : [];
  const part = (key: 'hostname' | 'host') => {
    if (urls.length === 0) return [];
    const direct = [String.raw`(?:${urls.join('|')})\s*\.\s*${key}\b`];
    return [...direct, ...aliasOf(direct)];
  };
  return { origin: originAny ? [originAny, ...originAgain] : [], hostname: part('hostname'), host: part('host') };
};

const excerpt = (src: string, at: number, len: number) => src.slice(Math.max(0, at), Math.min(src.length, at + Math.max(len, 1))).replace(/\s+/g, ' ').slice(0, 160);

/** The frame's own origin and host, as the page reads them (location.origin, document.domain...). */
export interface SelfOrigin { origin: string; host: string; hostname: string }

export const selfOriginOf = (frameOrigin: string | null): SelfOrigin | null => {
  try {
    const u = new URL(frameOrigin ?? '');
    return u.origin === 'null' ? null : { origin: u.origin, host: u.host, hostname: u.hostname };
  } catch {
    return null;
  }
};

const SELF_IDENT = /^(?:(?:window|self|globalThis|document)\s*\.\s*)?(?:location\s*\.\s*)?(origin|host|hostname|domain)$/;

/** Values of an identifier defined in the listener's own text as a literal, array, Set or RegExp. */
const resolveIdent = (src: string, ident: string, self: SelfOrigin | null): string[] | null => {
  const own = SELF_IDENT.exec(ident.trim());
  if (own && self && /location|^(?:window|self|globalThis)\s*\.\s*origin$|domain/.test(ident)) return [own[1] === 'domain' ? self.hostname : self[own[1] as 'origin' | 'host' | 'hostname']];
  const name = ident.split('.').pop()!.trim();
  const m = new RegExp(String.raw`\b${esc(name)}\s*=\s*(${ARRAY_LIT}|new\s+Set\s*\(\s*${ARRAY_LIT}\s*\)|${STR}|${REGEX_LIT})`).exec(src);
  if (!m) return null;
  const v = m[1];
  if (v.startsWith('/')) return [v];
  if (/^['"`]/.test(v)) return [unquote(v)];
  return stringsIn(v);
};

const literalOrIdent = (src: string, text: string, self: SelfOrigin | null): string[] | null => {
  const t = text.trim();
  if (/^['"`]/.test(t)) return [unquote(t)];
  if (t.startsWith('/')) return [t];
  if (t.startsWith('[') || /^new\s/.test(t)) return stringsIn(t);
  return resolveIdent(src, t, self);
};

export const analyzeSource = (text: string, frameOrigin: string | null = null): StaticFindings => {
  // Runs of whitespace are one space: the patterns below then never backtrack over long runs.
  const src = text.replace(/\s+/g, ' ');
  const self = selfOriginOf(frameOrigin);
  const { param, destructured } = eventParam(src);
  const subjects = subjectsOf(src, param, destructured);
  const checks: OriginCheck[] = [];
  const offsets: number[] = [];
  const ends: number[] = [];
  const negated: boolean[] = [];
  const add = (c: Omit<OriginCheck, 'method'>, at: number, end: number) => {
    checks.push({ ...c, method: 'static' });
    offsets.push(at);
    ends.push(end);
    negated.push(isRejection(src, at, end));
  };
  let originRefs = 0;
  for (const on of ['origin', 'hostname', 'host'] as const) {
    for (const S of subjects[on]) {
      if (on === 'origin') originRefs += [...src.matchAll(new RegExp(S, 'g'))].length;
      const val = `(${STR}|${IDENT})`;
      const chain = String.raw`(?:\s*\.\s*(?:replace|toLowerCase|toUpperCase|trim|trimEnd|normalize)\s*\((?:[^()]|\([^()]*\))*\))*`;
      // A value joined with `+` ('https://' + host) is an expression: compared, but with what is unknown.
      const eq = String.raw`(?:${S})${chain}\s*(?:${CMP})\s*${val}(?![\w$])(\s*\+)?|(?<!\+\s*)${val}(\s*\+[^=!;&|]*)?\s*(?:${CMP})\s*(?:${S})`;
      for (const m of src.matchAll(new RegExp(eq, 'g'))) {
        const v = m[1] ?? m[3];
        const joined = (m[2] ?? m[4]) !== undefined;
        const values = joined ? null : /^['"`]/.test(v) ? [unquote(v)] : resolveIdent(src, v, self);
        add({ form: 'equality', on, values, text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
      const methodRe = String.raw`(!\s*)?(?:${S})\s*\.\s*(indexOf|lastIndexOf|includes|startsWith|endsWith|search|match|localeCompare)\s*\(\s*(${STR}|${REGEX_LIT}|${IDENT})\s*(?:,[^)]*)?\)(\s*(?:${CMP}|>=|<=|>|<)\s*-?\d+)?`;
      for (const m of src.matchAll(new RegExp(methodRe, 'g'))) {
        const [, bang, method, arg, cmp] = m;
        const values = literalOrIdent(src, arg, self);
        const text = excerpt(src, m.index, m[0].length);
        const form = methodForm(method, !!bang, cmp ?? null, values);
        add({ form, on, values: form === 'regexp' && values && !values[0].startsWith('/') ? values.map((v) => `/${v}/`) : values, text }, m.index, m.index + m[0].length);
      }
      for (const m of src.matchAll(new RegExp(String.raw`(${REGEX_LIT}|${IDENT})\s*\.\s*(?:test|exec)\s*\(\s*(?:${S})\s*\)`, 'g'))) {
        add({ form: 'regexp', on, values: literalOrIdent(src, m[1], self), text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
      for (const m of src.matchAll(new RegExp(String.raw`(new\s+(?:Set|Map)\s*\(\s*${ARRAY_LIT}\s*\)|${ARRAY_LIT}|${STR}|${IDENT})\s*\.\s*(includes|indexOf|has|get)\s*\(\s*(?:${S})\s*\)`, 'g'))) {
        const recv = m[1].trim();
        const values = literalOrIdent(src, recv, self);
        const reversed = /^['"`]/.test(recv) || (values !== null && values.length === 1 && /\s|,/.test(values[0]) && !/^(?:\[|new\s)/.test(recv));
        add({ form: reversed ? 'reversed-substring' : 'allow-list', on, values, text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
      for (const m of src.matchAll(new RegExp(String.raw`(${IDENT})\s*\[\s*(?:${S})\s*\]`, 'g'))) {
        add({ form: 'key-lookup', on, values: null, text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
      for (const m of src.matchAll(new RegExp(String.raw`switch\s*\(\s*(?:${S})\s*\)\s*\{`, 'g'))) {
        const body = src.slice(m.index, m.index + 4000);
        const values = [...body.matchAll(new RegExp(String.raw`case\s*(${STR})\s*:`, 'g'))].map((c) => unquote(c[1]));
        add({ form: 'allow-list', on, values, text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
      for (const m of src.matchAll(new RegExp(String.raw`(?<![.\w$])(${IDENT})\s*\(\s*(?:${S})\s*[,)]`, 'g'))) {
        const callee = m[1].split('.').pop()!.trim();
        if (NOT_CHECKS.has(callee) || /^(?:new|return|typeof|if|while|switch)$/.test(m[1])) continue;
        add({ form: 'helper', on, values: null, text: excerpt(src, m.index, m[0].length) }, m.index, m.index + m[0].length);
      }
    }
  }
  const dataNames = [param ? String.raw`\b${esc(param)}${WRAPPED}\s*\.\s*data\b` : null, destructured.data ? String.raw`\b${esc(destructured.data)}\b` : null].filter((x): x is string => x !== null);
  const dataAny = dataNames.length ? `(?:${dataNames.join('|')})` : null;
  const dataRefs = dataAny ? [...src.matchAll(new RegExp(dataAny, 'g'))].length : 0;
  let firstDataUse = -1;
  if (dataAny) {
    const use = new RegExp(String.raw`(?<!JSON\.parse)(?<![\w$.])(?!JSON\.parse\b)(${IDENT})\s*\(\s*(?:JSON\.parse\s*\(\s*)?${dataAny}|\.(?:innerHTML|outerHTML|src|href)\s*=\s*${dataAny}`).exec(src);
    if (use && !(use[1] && /^(?:if|while|switch|return|typeof|console\.\w+)$/.test(use[1]))) firstDataUse = use.index;
  }
  const sourceChecks = param ? [...src.matchAll(new RegExp(String.raw`\b${esc(param)}${WRAPPED}\s*\.\s*source\s*(?:${CMP})|(?:${CMP})\s*${esc(param)}${WRAPPED}\s*\.\s*source\b`, 'g'))].length : 0;
  const noParams = /^\s*(?:async\s+)?(?:function\b[^(]*)?\(\s*\)/.test(src) && !/\b(?:arguments|event)\b/.test(src);
  return { param, noParams, async: /^\s*async\b/.test(src), originRefs, dataRefs, checks, offsets, sourceChecks, firstDataUse, alternatives: alternativesOf(src, offsets, ends, negated) };
};

const NOT_CHECKS = new Set(['URL', 'log', 'warn', 'error', 'info', 'debug', 'postMessage', 'String', 'push', 'stringify', 'parse', 'indexOf', 'includes', 'has', 'get', 'test', 'exec', 'startsWith', 'endsWith', 'search', 'match', 'toLowerCase', 'toUpperCase', 'trim', 'localeCompare']);

const methodForm = (method: string, bang: boolean, cmp: string | null, values: string[] | null): OriginCheck['form'] => {
  switch (method) {
    case 'includes': return 'substring';
    case 'startsWith': return 'prefix';
    case 'endsWith': return 'suffix';
    case 'search': return 'regexp';
    case 'match': return 'regexp';
    case 'localeCompare': return 'equality';
  }
  if (values && values.length === 1 && values[0].startsWith('/')) return 'regexp';
  if (cmp === null) return bang ? 'prefix' : 'truthy-indexOf';
  const n = Number(cmp.replace(/[^-\d]/g, ''));
  const op = cmp.replace(/[-\d\s]/g, '');
  if (n === 0 && (op === '===' || op === '==' || op === '!==' || op === '!=')) return 'prefix';
  return 'substring';
};

/** A check written as the condition for rejecting (`!==`, `!x.includes(o)`, `indexOf(o) === -1`). */
const isRejection = (src: string, at: number, end: number): boolean => {
  const text = src.slice(at, end);
  const before = src.slice(Math.max(0, at - 8), at).replace(/\s+$/, '');
  return text.startsWith('!') || (before.endsWith('!') && !before.endsWith('!=')) || /!==?|={2,3}\s*-1\b|<\s*0\b/.test(text);
};

/**
 * Checks that are alternatives rather than guards: accepting conditions joined by `||`, or
 * rejecting conditions joined by `&&` (`if (!a && !b) return;` accepts a OR b), with nothing but
 * the condition between them.
 */
const alternativesOf = (src: string, offsets: number[], ends: number[], negated: boolean[]): [number, number][] => {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const out: [number, number][] = [];
  for (let k = 1; k < order.length; k++) {
    const i = order[k - 1];
    const j = order[k];
    const gap = src.slice(ends[i], offsets[j]);
    if (/[;{}]|\breturn\b/.test(gap)) continue;
    if ((/\|\|/.test(gap) && !negated[i] && !negated[j]) || (/&&/.test(gap) && negated[i] && negated[j])) out.push([i, j]);
  }
  return out;
};
