import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropRecord, type LogEntry } from '../../extension/background/drop-warning';
import { hookRecordSchema, validate } from '../../extension/protocol';

const warning = (target: string, recipient: string, url = 'http://localhost:8001/shop.js'): LogEntry => ({
  source: 'security',
  text: `Failed to execute 'postMessage' on 'DOMWindow': The target origin provided ('${target}') does not match the recipient window's origin ('${recipient}').`,
  timestamp: 1700000000000,
  stackTrace: { callFrames: [{ functionName: 'connect', url, lineNumber: 11, columnNumber: 4 }] },
});

test('a logged targetOrigin mismatch becomes a valid win-send record with both origins and the 1-based call site', () => {
  const rec = dropRecord(warning('http://localhost:1', 'http://localhost:8002'), 3, 'debugger:3');
  assert.ok(rec);
  assert.equal(rec.outcome, 'dropped-mismatch');
  assert.equal(rec.method, 'debugger');
  assert.equal(rec.targetOrigin, 'http://localhost:1');
  assert.equal(rec.recipientOrigin, 'http://localhost:8002');
  assert.deepEqual(rec.call, { url: 'http://localhost:8001/shop.js', line: 12, col: 5, fn: 'connect' });
  assert.equal(rec.recipientInitialBlank, false);
  assert.deepEqual(rec.target, { rel: 'unknown', path: null }, 'the recipient window itself is not known: unknown, not guessed');
  assert.ok(validate(hookRecordSchema, rec).ok);
});

test('a recipient with the sender\'s own origin is labelled as still on its initial about:blank', () => {
  const rec = dropRecord(warning('http://localhost:8002', 'http://localhost:8001'), 0, 'debugger:0');
  assert.equal(rec?.recipientInitialBlank, true);
});

test('other log entries, and look-alike texts from other sources, are not drops', () => {
  assert.equal(dropRecord({ ...warning('a', 'b'), source: 'javascript' }, 0, 'x'), null);
  assert.equal(dropRecord({ source: 'security', text: 'Mixed Content: ...', timestamp: 1 }, 0, 'x'), null);
});

test('hostile origins in the text are bounded and the record still validates', () => {
  const long = 'http://' + 'a'.repeat(10_000);
  const rec = dropRecord(warning(long, "x') ('y"), 0, 'debugger:0');
  assert.ok(rec);
  assert.ok(rec.targetOrigin !== null && rec.targetOrigin.length <= 2048);
  assert.ok(validate(hookRecordSchema, rec).ok);
});
