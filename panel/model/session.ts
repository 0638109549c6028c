import {
  SESSION_FORMAT,
  SESSION_LIMITS,
  SESSION_VERSION,
  sessionFileSchema,
  validate,
  type SessionFile,
  type SessionMeta,
} from '../../extension/protocol';
import type { AuditMeta, AuditResult } from './audits/types';
import type { ModelInput } from './input';

// Session files: the panel's Export/Import and the CLI's record/audit all go through these two
// functions, so a file written by one reads identically in the other.

export { SESSION_VERSION };
export type { SessionFile, SessionMeta };

/** What every capture in this version cannot see; written into each session's meta.coverage. */
export const COVERAGE_NOTES: readonly string[] = [
  'window.postMessage is recorded on the receiving side only (win-recv): the sender\'s call site, targetOrigin, transfer list and dropped messages are unknown at runtime.',
  'Ports transferred through window.postMessage are linked to the sent object by inference.',
];

export type ParsedSession = { ok: true; session: SessionFile; input: ModelInput } | { ok: false; error: string };

/** The file for `input`; `findings` (runAudits' output at export time) are kept for diffing only. */
export const toSession = (input: ModelInput, meta: SessionMeta, findings?: { meta: AuditMeta; result: AuditResult }[]): SessionFile => {
  const file: SessionFile = { format: SESSION_FORMAT, version: SESSION_VERSION, meta, frames: input.frames, entries: input.entries };
  if (input.staticSites) file.staticSites = input.staticSites;
  if (findings) file.findings = findings;
  return file;
};

/** Why a parsed value is not a session this version can read, before the full check (clearer messages for other files and other versions). */
const headerProblem = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a Postscope session: expected a JSON object';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== SESSION_FORMAT) return `not a Postscope session: "format" is ${JSON.stringify(format ?? null)?.slice(0, 60)}, expected "${SESSION_FORMAT}"`;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return `unsupported session version ${JSON.stringify(version ?? null)?.slice(0, 30)}: expected an integer from 1`;
  if (version > SESSION_VERSION) return `session version ${version} was written by a newer Postscope; this one reads versions up to ${SESSION_VERSION}: update Postscope to open it`;
  return null;
};

/** Reads a session file's text. Never throws: a malformed or hostile file gives the first problem found, with its JSON path. */
export const parseSession = (text: string): ParsedSession => {
  if (typeof text !== 'string') return { ok: false, error: 'not a Postscope session: expected text' };
  if (text.length > SESSION_LIMITS.fileChars) return { ok: false, error: `session file too large: ${text.length} characters, at most ${SESSION_LIMITS.fileChars}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a Postscope session: invalid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const header = headerProblem(value);
  if (header) return { ok: false, error: header };
  let checked: ReturnType<typeof validate<SessionFile>>;
  try {
    checked = validate(sessionFileSchema, value);
  } catch {
    // The recursive preview check overflows the stack only on nesting no hook ever produces.
    return { ok: false, error: 'invalid session file: data nested too deeply' };
  }
  if (!checked.ok) return { ok: false, error: `invalid session file at ${checked.error}` };
  const session = checked.value;
  const input: ModelInput = { entries: session.entries, frames: session.frames };
  if (session.staticSites) input.staticSites = session.staticSites;
  return { ok: true, session, input };
};
