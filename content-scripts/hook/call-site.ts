import { N, call } from './natives';

// The page's call site of a wrapped API: the first stack frame that is not the extension's own.
// Stacks are expensive (several µs, more with DevTools open), so callers take them only where they
// matter. In V8 the frames come structured through a temporary Error.prepareStackTrace, so a page's
// own prepareStackTrace is never run on our errors; other engines' stack strings are parsed.

export interface CallSite { url: string; line: number; col: number; fn: string }

interface V8CallSite {
  getFileName(): string | null;
  getScriptNameOrSourceURL?(): string | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getFunctionName(): string | null;
}

const ErrorCtor = N.Error as ErrorConstructor & { prepareStackTrace?: unknown; stackTraceLimit?: number };
const EXT = /^(chrome|moz|safari-web)-extension:/;
const isOurs = (url: string) => call<unknown>(N.RegExpExec, EXT, url) !== null;
const clip = (s: string, max: number): string => call<string>(N.StringSlice, s, 0, max);

const structured = (_e: unknown, frames: V8CallSite[]): unknown => frames;

export const callSite = (): CallSite | null => {
  try {
    if (N.ErrorCaptureStackTrace) return v8CallSite();
    return parseStack(new N.Error().stack ?? '');
  } catch {
    return null;
  }
};

function v8CallSite(): CallSite | null {
  const saved = N.getOwnPropertyDescriptor(ErrorCtor, 'prepareStackTrace');
  const savedLimit = N.getOwnPropertyDescriptor(ErrorCtor, 'stackTraceLimit');
  N.defineProperty(ErrorCtor, 'prepareStackTrace', { value: structured, writable: true, configurable: true });
  N.defineProperty(ErrorCtor, 'stackTraceLimit', { value: 12, writable: true, configurable: true });
  let frames: unknown;
  try {
    const holder: { stack?: unknown } = {};
    N.ErrorCaptureStackTrace!(holder);
    frames = holder.stack;
  } finally {
    if (saved) N.defineProperty(ErrorCtor, 'prepareStackTrace', saved);
    else N.deleteProperty(ErrorCtor, 'prepareStackTrace');
    if (savedLimit) N.defineProperty(ErrorCtor, 'stackTraceLimit', savedLimit);
  }
  // Firefox (133+) has Error.captureStackTrace but no prepareStackTrace: its stack is a string.
  if (typeof frames === 'string') return parseStack(frames);
  if (!N.isArray(frames)) return null;
  const list = frames as V8CallSite[];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    const url = (f.getScriptNameOrSourceURL ? f.getScriptNameOrSourceURL() : f.getFileName()) ?? '';
    if (isOurs(url)) continue;
    return { url: clip(url, 2048), line: f.getLineNumber() ?? 0, col: f.getColumnNumber() ?? 0, fn: clip(f.getFunctionName() ?? '', 256) };
  }
  return null;
}

/** "fn@url:line:col" (Firefox, Safari) or "at fn (url:line:col)" (V8 strings). */
export function parseStack(stack: string): CallSite | null {
  const lines = call<string[]>(N.StringSplit, stack, '\n');
  for (let i = 0; i < lines.length; i++) {
    const m = call<RegExpExecArray | null>(N.RegExpExec, FRAME, lines[i]);
    if (!m) continue;
    const url = m[2];
    if (!url || isOurs(url)) continue;
    return { url: clip(url, 2048), line: N.floor(+m[3]), col: N.floor(+m[4]), fn: clip(m[1] ?? '', 256) };
  }
  return null;
}

const FRAME = /^\s*(?:at\s+)?(?:(.*?)\s*[@(])?\s*((?:[a-z-]+:)?[^\s()@]*?):(\d+):(\d+)\)?\s*$/i;
