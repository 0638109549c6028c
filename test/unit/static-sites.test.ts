import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateFunction, locateListener, maskCode, scanScript } from '../../panel/model/static-sites';

const script = [
  '// parent.postMessage(secret, "*") in a comment is not a call',
  'const note = "window.postMessage(x, \'*\')";',
  "parent.postMessage({ token: t }, '*');",
  'frames[0].contentWindow.postMessage(data, "https://a.com");',
  'iframe.contentWindow.postMessage(msg, { targetOrigin: `*`, transfer: [] });',
  'port.postMessage(msg, [buf]);',
  'postMessage(\'hi\', "*")',
  'class Bus { postMessage(a, b) { return a + b; } }',
  "window.addEventListener('message', function onMsg(e) { if (e.origin !== 'https://a.com') return; });",
  'worker.onmessage = (e) => e.data;',
  'if (re.test(x) / 2) { y = /postMessage\\(z, "*"\\)/; }',
].join('\n');

test('scanScript finds window postMessage calls with their targetOrigin, receiver, line and column', () => {
  const sends = scanScript('https://a.com/app.js', script).filter((s) => s.kind === 'send');
  assert.deepEqual(sends.map((s) => [s.line, s.receiver, s.targetOrigin]), [
    [3, 'parent', "'*'"],
    [4, 'frames[0].contentWindow', '"https://a.com"'],
    [5, 'iframe.contentWindow', "'*'"],
    [7, 'self', "'*'"],
  ]);
  const first = sends[0];
  assert.equal(first.url, 'https://a.com/app.js');
  assert.equal(first.col, 'parent.'.length + 1);
  assert.match(first.excerpt, /token/);
});

test('scanScript finds message listeners: addEventListener and onmessage', () => {
  const listeners = scanScript('u', script).filter((s) => s.kind === 'listener');
  assert.deepEqual(listeners.map((s) => [s.line, s.receiver]), [[9, 'window'], [10, 'worker']]);
});

test('maskCode blanks comments, strings and RegExp literals but keeps offsets and newlines', () => {
  const masked = maskCode(script);
  assert.equal(masked.length, script.length);
  assert.equal(masked.split('\n').length, script.split('\n').length);
  assert.doesNotMatch(masked.split('\n')[0], /postMessage/);
  assert.doesNotMatch(masked.split('\n')[10], /postMessage/);
});

test('locateFunction gives the 1-based line and column of a listener source inside its script', () => {
  const fn = "function onMsg(e) { if (e.origin !== 'https://a.com') return; }";
  assert.deepEqual(locateFunction(script, fn), { line: 9, col: "window.addEventListener('message', ".length + 1 });
  assert.equal(locateFunction(script, 'function nowhere() {}'), null);
});

test('locateListener prefers the registering script, then any script, then the call site', () => {
  const fn = 'function onMsg(e) { go(e.data); }';
  const scripts = [
    { url: 'https://a.com/other.js', text: `x;\n${fn}` },
    { url: 'https://a.com/app.js', text: `a;\nb;\n  ${fn}` },
  ];
  assert.deepEqual(locateListener(fn, { url: 'https://a.com/app.js', line: 1, col: 1 }, scripts), { url: 'https://a.com/app.js', line: 3, col: 3, exact: true });
  assert.deepEqual(locateListener(fn, { url: 'https://a.com/inline.html', line: 9, col: 2 }, scripts), { url: 'https://a.com/other.js', line: 2, col: 1, exact: true });
  assert.deepEqual(locateListener('function () { [native code] }', { url: 'https://a.com/app.js', line: 5, col: 4 }, scripts), { url: 'https://a.com/app.js', line: 5, col: 4, exact: false });
  assert.equal(locateListener(null, null, scripts), null);
});
