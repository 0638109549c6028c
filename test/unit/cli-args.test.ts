import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommand } from '../../cli/args';
import { CliError, EXIT } from '../../cli/errors';

const usageError = (argv: string[], pattern: RegExp) =>
  assert.throws(() => parseCommand(argv), (e: unknown) => e instanceof CliError && e.exitCode === EXIT.error && pattern.test(e.message) && e.message.includes('Usage:'));

test('record takes a URL and its options, with defaults', () => {
  assert.deepEqual(parseCommand(['record', 'http://localhost:8080/']), {
    kind: 'record',
    out: null,
    record: { url: 'http://localhost:8080/', timeout: 30, waitFor: 'load', browser: null, script: null },
  });
  const cmd = parseCommand(['record', 'https://x.test/a', '--out', 's.json', '--timeout', '5.5', '--wait-for', '#ready', '--browser', '/opt/c', '--script', 'flow.mjs']);
  assert.deepEqual(cmd, { kind: 'record', out: 's.json', record: { url: 'https://x.test/a', timeout: 5.5, waitFor: '#ready', browser: '/opt/c', script: 'flow.mjs' } });
});

test('audit takes a URL or a file, a format and --fail-on ids', () => {
  const cmd = parseCommand(['audit', 'session.json', '--format', 'sarif', '--fail-on', 'wildcard, no-origin-check']);
  assert.equal(cmd.kind, 'audit');
  if (cmd.kind !== 'audit') return;
  assert.equal(cmd.target, 'session.json');
  assert.equal(cmd.format, 'sarif');
  assert.deepEqual(cmd.failOn, ['wildcard', 'no-origin-check']);
  const defaults = parseCommand(['audit', 'http://localhost/']);
  assert.ok(defaults.kind === 'audit' && defaults.format === 'text' && defaults.failOn.join() === 'any');
});

test('help, and every mistake as a usage error with exit code 2', () => {
  assert.deepEqual(parseCommand([]), { kind: 'help' });
  assert.deepEqual(parseCommand(['--help']), { kind: 'help' });
  assert.deepEqual(parseCommand(['audit', '-h']), { kind: 'help' });
  usageError(['frob', 'x'], /unknown command "frob"/);
  usageError(['record'], /exactly one URL, got 0/);
  usageError(['record', 'a', 'b'], /exactly one URL, got 2/);
  usageError(['record', 'session.json'], /needs an http\(s\) URL/);
  usageError(['record', 'file:///tmp/page.html'], /needs an http\(s\) URL \(serve local files over http\)/);
  usageError(['record', 'http://x/', '--timeout', '0'], /--timeout must be a positive number/);
  usageError(['record', 'http://x/', '--timeout', 'soon'], /--timeout must be a positive number/);
  usageError(['record', 'http://x/', '--format', 'json'], /Unknown option '--format'/);
  usageError(['audit', 's.json', '--format', 'xml'], /--format must be one of text, json, sarif, html/);
  usageError(['audit', 's.json', '--fail-on', ','], /--fail-on needs audit ids/);
  usageError(['audit', 's.json', '--timeout'], /--timeout/);
});
