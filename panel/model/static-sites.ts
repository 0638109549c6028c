import type { StaticSite } from './input';

// Static analysis of a page script's text: window-style postMessage calls (with the targetOrigin
// as written) and message listener registrations, each with its line and column, for the sends
// that no runtime hook can observe (window.postMessage stays native: see CONTRACTS.md). Comments
// and string contents are masked first so that text inside them is never taken for code.

/** Longest script scanned (characters); the rest of a larger script is ignored. */
const MAX_TEXT = 5_000_000;
const MAX_SITES = 2_000;

const REGEX_BEFORE = /[(,=:[!&|?{};+\-*%<>~^]|^$|\breturn$|\btypeof$/;

/** `text` with comments blanked and string, template and RegExp contents replaced by spaces. */
export const maskCode = (text: string): string => {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let lastSignificant = '';
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`' || (c === '/' && REGEX_BEFORE.test(lastSignificant))) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length) {
        const d = text[j];
        if (d === '\\') {
          j += 2;
          continue;
        }
        if (c === '/' && d === '[') inClass = true;
        else if (c === '/' && d === ']') inClass = false;
        else if (d === c && !inClass) break;
        else if (d === '\n' && c !== '`') break;
        j++;
      }
      blank(i + 1, Math.min(j, text.length));
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    if (!/\s/.test(c)) {
      const word = /[\w$]/.test(c) ? /^[\w$]+/.exec(text.slice(i, i + 64))![0] : c;
      lastSignificant = word;
      i += word.length;
      continue;
    }
    i++;
  }
  return out.join('');
};

/** Top-level arguments of the call whose '(' is at `open`, as [start, end) offsets; null if unbalanced. */
const callArgs = (masked: string, open: number): [number, number][] | null => {
  const args: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < masked.length && i < open + 20_000; i++) {
    const c = masked[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (masked.slice(start, i).trim() !== '') args.push([start, i]);
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return null;
};

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
};

/** 1-based line and column of `offset`. */
const position = (starts: number[], offset: number): { line: number; col: number } => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
};

const oneLine = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

const WILDCARD = /^\s*(['"`])\*\1\s*$/;
const OPTIONS_WILDCARD = /targetOrigin\s*:\s*(['"`])\*\1/;

export const scanScript = (url: string, text: string): StaticSite[] => {
  const source = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const masked = maskCode(source);
  const starts = lineStarts(source);
  const sites: StaticSite[] = [];
  const excerpt = (at: number) => oneLine(source.slice(Math.max(0, at - 40), at + 120), 200);
  const receiverBefore = (dot: number): string => {
    const m = /([\w$]+(?:\s*(?:\.\s*[\w$]+|\[[^\]\n]*\]|\(\s*\)))*)\s*$/.exec(masked.slice(Math.max(0, dot - 200), dot));
    return m ? oneLine(source.slice(dot - m[0].length, dot), 120) : '';
  };

  for (const m of masked.matchAll(/(\.\s*)?\bpostMessage\s*\(/g)) {
    if (sites.length >= MAX_SITES) break;
    const open = m.index + m[0].length - 1;
    const args = callArgs(masked, open);
    if (!args || args.length < 2) continue;
    // A declaration (`function postMessage(a, b)`, a class method) is not a call.
    if (/\bfunction\s*$/.test(masked.slice(Math.max(0, m.index - 12), m.index))) continue;
    const closing = args[args.length - 1][1];
    if (/^\s*\{/.test(masked.slice(closing + 1, closing + 40))) continue;
    const [a, b] = args[1];
    const second = masked.slice(a, b).trim();
    // port/worker/broadcast postMessage(msg, [transfer]) has no targetOrigin.
    if (second.startsWith('[')) continue;
    const written = source.slice(a, b).trim();
    const targetOrigin = WILDCARD.test(written) || (second.startsWith('{') && OPTIONS_WILDCARD.test(written)) ? "'*'" : oneLine(written, 256);
    const receiver = m[1] ? receiverBefore(m.index) : 'self';
    sites.push({ url, ...position(starts, m[1] ? m.index + m[1].length : m.index), targetOrigin, receiver, kind: 'send', excerpt: excerpt(m.index) });
  }
  for (const m of masked.matchAll(/(\.\s*)?\baddEventListener\s*\(\s*(['"`])/g)) {
    if (sites.length >= MAX_SITES) break;
    // The mask blanked the string's contents; read the event type from the original text.
    const quote = m.index + m[0].length - 1;
    if (!/^(['"`])message(error)?\1/.test(source.slice(quote, quote + 16))) continue;
    sites.push({ url, ...position(starts, m[1] ? m.index + m[1].length : m.index), targetOrigin: '', receiver: m[1] ? receiverBefore(m.index) : 'self', kind: 'listener', excerpt: excerpt(m.index) });
  }
  for (const m of masked.matchAll(/(\.\s*)?\bonmessage(error)?\s*=(?!=)/g)) {
    if (sites.length >= MAX_SITES) break;
    sites.push({ url, ...position(starts, m[1] ? m.index + m[1].length : m.index), targetOrigin: '', receiver: m[1] ? receiverBefore(m.index) : 'self', kind: 'listener', excerpt: excerpt(m.index) });
  }
  return sites.sort((x, y) => x.line - y.line || x.col - y.col);
};

/**
 * Where a listener's source text (as Function.prototype.toString gave it) starts inside a script:
 * 1-based line and column for chrome.devtools.panels.openResource; null when it is not found.
 */
export const locateFunction = (scriptText: string, fnSource: string): { line: number; col: number } | null => {
  if (fnSource.length === 0) return null;
  const at = scriptText.indexOf(fnSource);
  if (at < 0) return null;
  return position(lineStarts(scriptText), at);
};

/**
 * Where to reveal a listener in Sources: its source text located in the script it was registered
 * from (the call site's URL) first, then in any other script; the call site itself when the text
 * is not found (inline handlers, eval'd code, bound functions). Lines and columns are 1-based.
 */
export const locateListener = (
  source: string | null,
  call: { url: string; line: number; col: number } | null,
  scripts: { url: string; text: string }[],
): { url: string; line: number; col: number; exact: boolean } | null => {
  if (source) {
    const ordered = call ? [...scripts.filter((s) => s.url === call.url), ...scripts.filter((s) => s.url !== call.url)] : scripts;
    for (const s of ordered) {
      const at = locateFunction(s.text, source);
      if (at) return { url: s.url, ...at, exact: true };
    }
  }
  return call && call.url ? { url: call.url, line: call.line, col: call.col, exact: false } : null;
};
