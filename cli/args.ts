import { parseArgs } from 'node:util';
import { CliError } from './errors';

// Command-line parsing: every mistake is a CliError with the usage text, never a stack trace.

export const USAGE = `Usage:
  postscope record <url> [--out session.json] [--timeout S] [--wait-for selector|idle]
                         [--browser PATH] [--script flow.mjs]
  postscope audit <url|session.json> [--format text|json|sarif|html] [--out FILE]
                         [--fail-on any|none|ID,ID,...] [record options when given a URL]

Exit codes: 0 clean, 1 findings matched --fail-on, 2 usage or runtime error.`;

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RecordOptions {
  url: string;
  /** Seconds for the whole recording (load, flow script, wait condition). */
  timeout: number;
  /** 'load' (default): the load event; 'idle': network and records quiet; anything else: a CSS selector. */
  waitFor: string;
  browser: string | null;
  script: string | null;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'record'; record: RecordOptions; out: string | null }
  | { kind: 'audit'; target: string; record: RecordOptions; format: Format; out: string | null; failOn: string[] };

const recordFlags = {
  timeout: { type: 'string' },
  'wait-for': { type: 'string' },
  browser: { type: 'string' },
  script: { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`);

/**
 * A URL the CLI loads rather than a session file path. Only http(s): Chromium runs extensions on
 * file:// pages only when the user allows it per extension, so such a page would record nothing.
 */
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

const recordOptions = (url: string, values: { timeout?: string; 'wait-for'?: string; browser?: string; script?: string }): RecordOptions => {
  const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  const waitFor = values['wait-for'] ?? 'load';
  if (waitFor.trim() === '') throw usageError('--wait-for needs "idle", "load" or a CSS selector');
  return { url, timeout, waitFor, browser: values.browser ?? null, script: values.script ?? null };
};

const auditFlags = { ...recordFlags, format: { type: 'string' }, 'fail-on': { type: 'string' } } as const;

export const parseCommand = (argv: string[]): Command => {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (name !== 'record' && name !== 'audit') throw usageError(`unknown command "${name}"`);
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: name === 'audit' ? auditFlags : recordFlags, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw usageError(`${name} takes exactly one ${name === 'record' ? 'URL' : 'URL or session file'}, got ${positionals.length}`);
  const target = positionals[0];
  if (name === 'record') {
    if (!isUrl(target)) throw usageError(`record needs an http(s) URL (serve local files over http), got "${target}"`);
    return { kind: 'record', record: recordOptions(target, values), out: values.out ?? null };
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  const failOn = (values['fail-on'] ?? 'any').split(',').map((s) => s.trim()).filter(Boolean);
  if (failOn.length === 0) throw usageError('--fail-on needs audit ids, "any" or "none"');
  return { kind: 'audit', target, record: recordOptions(target, values), format, out: values.out ?? null, failOn };
};
