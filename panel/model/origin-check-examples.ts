import type { OriginCheck } from './verdict-types';

// Decides whether recognized origin checks can be passed by an attacker, by trying concrete
// attacker-controlled origins against them: look-alike hosts under evil.test (the intended host as a
// subdomain, as a suffix, with an unescaped '.' replaced), truncated hosts for reversed checks, and
// the opaque origin 'null' (sandboxed iframes, data: URLs). Every candidate host is one an attacker
// can register; subdomains of the intended host are never tried, so `endsWith('.example.com')` is
// not reported as bypassable.

const subject = (on: OriginCheck['on'], origin: string): string => {
  if (on === 'origin') return origin;
  try {
    const u = new URL(origin);
    return on === 'hostname' ? u.hostname : u.host;
  } catch {
    return '';
  }
};

/**
 * Page-chosen patterns that can backtrack exponentially are never run here (the panel must not
 * hang): a repeated group whose body has alternatives, or a quantifier not followed by a literal
 * that ends each repetition (`(a+)+`, `(.*)*`, `(\w+\s?)*`). `([a-z0-9-]+\.)*`, the usual
 * subdomain pattern, ends each repetition with a literal '.' and is run.
 */
const REPEATED_GROUP = /\(((?:[^()\\]|\\.)*)\)\s*[*+{]/g;
const mayBacktrackWithoutEnd = (source: string): boolean => {
  for (const m of source.matchAll(REPEATED_GROUP)) {
    const body = m[1].replace(/^\?:/, '');
    if (/(^|[^\\])\|/.test(body)) return true;
    const quantified = /(^|[^\\])[*+?}]/.test(body);
    const endsWithLiteral = /(\\[^dDwWsSbB]|[A-Za-z0-9:\/-])$/.test(body);
    if (quantified && !endsWithLiteral) return true;
  }
  return false;
};

/** A RegExp from '/source/flags' or from a string that String.prototype.search/match would compile. */
export const toRegExp = (value: string): RegExp | null => {
  if (value.length > 1000 || mayBacktrackWithoutEnd(value)) return null;
  const m = /^\/([\s\S]*)\/([a-z]*)$/.exec(value);
  try {
    return m ? new RegExp(m[1], m[2].replace(/[gy]/g, '')) : new RegExp(value);
  } catch {
    return null;
  }
};

/** Whether `origin` passes one check; null when the check's values are not visible. */
export const passes = (check: OriginCheck, origin: string): boolean | null => {
  const values = check.values;
  if (values === null || check.form === 'helper' || check.form === 'key-lookup') return null;
  const s = subject(check.on, origin);
  switch (check.form) {
    case 'equality': case 'allow-list': return values.includes(s);
    case 'substring': return values.some((v) => s.includes(v));
    case 'truthy-indexOf': return values.some((v) => s.indexOf(v) !== 0);
    case 'prefix': return values.some((v) => s.startsWith(v));
    case 'suffix': return values.some((v) => s.endsWith(v));
    case 'regexp': {
      const res = values.map(toRegExp);
      if (res.some((r) => r === null)) return null;
      return res.some((r) => r!.test(s));
    }
    case 'reversed-substring': return s.length > 0 && values.some((v) => v.includes(s));
  }
};

interface Parts { scheme: string | null; host: string; port: string | null }

/** Reads a rough origin out of a RegExp's source: anchors, escapes and optional groups dropped. */
const unRegExp = (source: string, framePort: string | null): string =>
  source
    .replace(/^\^|\$$/g, '')
    .replace(/\(\?:[^()]*\)\?|\([^()]*\)\?/g, '')
    .replace(/\((?:\?:)?([^()|]*)(?:\|[^()]*)?\)/g, '$1')
    .replace(/s\?/g, '')
    .replace(/\\d\+|\\d\*|\[0-9\]\+/g, framePort ?? '8080')
    .replace(/\.\*|\.\+|\[[^\]]*\][+*]?/g, '')
    .replace(/\\(.)/g, '$1');

const partsOf = (text: string): Parts | null => {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:\s'"]*)(?::(\d+))?/i.exec(text.trim());
  if (!m || !m[2]) return null;
  return { scheme: m[1] ?? null, host: m[2].replace(/^\.+/, '').toLowerCase(), port: m[3] ?? null };
};

const frameParts = (frameOrigin: string | null): { scheme: string; port: string | null } => {
  try {
    const u = new URL(frameOrigin ?? '');
    return { scheme: u.protocol.replace(':', ''), port: u.port || null };
  } catch {
    return { scheme: 'https', port: null };
  }
};

/** Attacker origins worth trying against `checks`, most telling first. */
export const candidates = (checks: OriginCheck[], frameOrigin: string | null): string[] => {
  const frame = frameParts(frameOrigin);
  const out: string[] = [];
  const intended: Parts[] = [];
  for (const c of checks) {
    for (const v of c.values ?? []) {
      const text = c.form === 'regexp' ? unRegExp(/^\/([\s\S]*)\/[a-z]*$/.exec(v)?.[1] ?? v, frame.port) : v;
      for (const piece of text.split(/[\s,|]+/)) {
        const p = partsOf(piece);
        if (p && p.host !== 'null') intended.push(p);
      }
    }
  }
  for (const p of intended) {
    const scheme = p.scheme ?? frame.scheme;
    const ports = p.port ? [p.port] : [frame.port, null];
    for (const port of ports) {
      const at = port ? `:${port}` : '';
      out.push(`${scheme}://${p.host}.evil.test${at}`);
      out.push(`${scheme}://evil${p.host}${at}`);
      const dots = [...p.host.matchAll(/\./g)].map((m) => m.index!);
      for (const i of dots.slice(0, -1).concat(dots.slice(-1))) out.push(`${scheme}://${p.host.slice(0, i)}x${p.host.slice(i + 1)}${at}`);
      if (p.host.length > 3) out.push(`${scheme}://${p.host.slice(0, -1)}${at}`);
    }
  }
  const at = frame.port ? `:${frame.port}` : '';
  out.push(`${frame.scheme}://evil.test${at}`, 'https://evil.test', 'http://evil.test', 'null');
  const isIntended = (o: string) => intended.some((p) => {
    const q = partsOf(o);
    return q !== null && (q.host === p.host || q.host.endsWith('.' + p.host));
  });
  return [...new Set(out)].filter((o) => !isIntended(o));
};

/** Groups of alternative checks (joined by `||`); a candidate must pass one check in every group. */
const groupsOf = (n: number, alternatives: [number, number][]): number[][] => {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of alternatives) if (a < n && b < n) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()];
};

export interface Bypass { example: string; weak: OriginCheck[] }

/** The first candidate that passes every guard, and the checks it got through. */
export const findBypass = (checks: OriginCheck[], alternatives: [number, number][], frameOrigin: string | null): Bypass | null => {
  if (checks.length === 0) return null;
  const groups = groupsOf(checks.length, alternatives);
  for (const origin of candidates(checks, frameOrigin)) {
    const weak: OriginCheck[] = [];
    const ok = groups.every((g) => {
      const hit = g.find((i) => passes(checks[i], origin) === true);
      if (hit === undefined) return false;
      weak.push(checks[hit]);
      return true;
    });
    if (ok) return { example: origin, weak };
  }
  return null;
};

const q = (v: string) => JSON.stringify(v);
const list = (vs: string[] | null) => (vs === null ? 'an expression' : vs.map(q).join(', '));

/** Why a check let `example` through, in the reviewer's terms. */
export const bypassReason = (c: OriginCheck, example: string): string => {
  const v = list(c.values);
  const subj = c.on === 'origin' ? 'origin' : `new URL(origin).${c.on}`;
  switch (c.form) {
    case 'equality': case 'allow-list':
      return c.values?.includes('null') ? `the allowed ${c.form === 'equality' ? 'value' : 'list'} contains 'null', the origin of every sandboxed iframe and data: URL` : `${subj} is compared with ${v}`;
    case 'substring': return `${subj} only has to contain ${v} (indexOf/includes/search is a substring test), so ${example} passes`;
    case 'truthy-indexOf': return `indexOf(${v}) is used as a boolean: -1 is truthy, so every origin that does not start with ${v} passes, e.g. ${example}`;
    case 'prefix': return `startsWith(${v}) has no '/' or port boundary after the host, so ${example} passes`;
    case 'suffix': return `endsWith(${v}) has no leading dot, so ${example} passes`;
    case 'regexp': return `${(c.values ?? []).join(' ')} ${regexpFlaw(c.values?.[0] ?? '')}, so ${example} matches`;
    case 'reversed-substring': return `the check is reversed: ${v} contains the origin, so any piece of that text passes, e.g. ${example}`;
    case 'key-lookup': case 'helper': return `${subj} is checked by ${c.text}`;
  }
};

const regexpFlaw = (value: string): string => {
  const src = /^\/([\s\S]*)\/[a-z]*$/.exec(value)?.[1] ?? value;
  const flaws: string[] = [];
  if (!src.startsWith('^')) flaws.push("is not anchored with '^'");
  if (!src.endsWith('$')) flaws.push("is not anchored with '$'");
  if (/(^|[^\\])\.(?![*+?])/.test(src.replace(/\\\\/g, ''))) flaws.push("has an unescaped '.' (any character)");
  return flaws.length ? flaws.join(' and ') : 'accepts more than the intended origin';
};
