import type { RecordOf } from '../protocol';
import { LIMITS } from '../protocol';

// Chromium drops a window message whose targetOrigin does not match the recipient without telling
// the page, but when sender and recipient share a renderer process it logs a security warning
// (seen through the DevTools protocol's Log domain, with the sender's stack):
//   Failed to execute 'postMessage' on 'DOMWindow': The target origin provided ('<target>') does not
//   match the recipient window's origin ('<recipient>').
// Cross-process drops are not logged anywhere; deep mode cannot see those either.

/** The parts of a CDP Log.LogEntry this module reads. */
export interface LogEntry {
  source: string;
  text: string;
  timestamp: number;
  url?: string;
  lineNumber?: number;
  stackTrace?: { callFrames: { functionName: string; url: string; lineNumber: number; columnNumber: number }[] };
}

const DROP = /^Failed to execute 'postMessage' on 'DOMWindow': The target origin provided \('(.*)'\) does not match the recipient window's origin \('(.*)'\)\.$/s;

const clip = (s: string, max: number) => s.slice(0, max);
const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
};

/**
 * A `win-send` record for a logged drop, or null for any other log entry. `seq` and `msg` come from
 * the caller (one counter per tab). The sender's origin is the origin of the calling script's
 * document when the stack names an http(s) URL; when it equals the recipient's origin, the
 * recipient is almost certainly still on the initial about:blank document it inherited from its
 * creator (the classic handshake race), so the record says so.
 */
export const dropRecord = (entry: LogEntry, seq: number, msg: string): RecordOf<'win-send'> | null => {
  if (entry.source !== 'security') return null;
  const m = DROP.exec(entry.text);
  if (!m) return null;
  const [, targetOrigin, recipientOrigin] = m;
  const top = entry.stackTrace?.callFrames[0];
  const call = top
    ? { url: clip(top.url, LIMITS.url), line: top.lineNumber + 1, col: top.columnNumber + 1, fn: clip(top.functionName, 256) }
    : entry.url
      ? { url: clip(entry.url, LIMITS.url), line: (entry.lineNumber ?? 0) + 1, col: 0, fn: '' }
      : null;
  const senderOrigin = call ? originOf(call.url) : null;
  return {
    k: 'win-send',
    seq,
    t: Number.isFinite(entry.timestamp) ? entry.timestamp : Date.now(),
    msg,
    method: 'debugger',
    target: { rel: 'unknown', path: null },
    targetOrigin: clip(targetOrigin, LIMITS.url),
    recipientOrigin: clip(recipientOrigin, LIMITS.url),
    recipientInitialBlank: senderOrigin !== null && senderOrigin === recipientOrigin && targetOrigin !== recipientOrigin,
    transfer: [],
    data: null,
    call,
    outcome: 'dropped-mismatch',
    error: null,
  };
};
