import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineScriptsOnly, scanResource } from '../../panel/model/page-scripts';
import { initialState, reduce } from '../../panel/store/reducer';

const html = `<!doctype html>
<p>Don't post "here": it's prose, not code.</p>
<script>
  parent.postMessage({ a: 1 }, '*');
</script>
<p>window.postMessage(x, '*') in text is not a call</p>
<script type="module">top.postMessage('b', 'https://a.test');</script>`;

test('in a document only inline script bodies are scanned, at their document lines and columns', () => {
  const blanked = inlineScriptsOnly(html);
  assert.equal(blanked.length, html.length);
  assert.equal(blanked.split('\n').length, html.split('\n').length);
  const sites = scanResource('https://a.test/', 'document', html).filter((s) => s.kind === 'send');
  assert.deepEqual(sites.map((s) => [s.line, s.targetOrigin]), [[4, "'*'"], [7, "'https://a.test'"]]);
  assert.deepEqual(scanResource('https://a.test/x.css', 'stylesheet', 'a { }'), []);
});

test('a rescan of a resource replaces its sites; imported sessions keep theirs', () => {
  const site = (url: string, line: number) => ({ url, line, col: 1, targetOrigin: "'*'", receiver: 'parent', kind: 'send' as const, excerpt: '' });
  let s = reduce(initialState(), { type: 'static-sites', url: 'a.js', sites: [site('a.js', 1), site('a.js', 2)] });
  s = reduce(s, { type: 'static-sites', url: 'b.js', sites: [site('b.js', 1)] });
  s = reduce(s, { type: 'static-sites', url: 'a.js', sites: [site('a.js', 3)] });
  assert.deepEqual(s.staticSites?.map((x) => `${x.url}:${x.line}`), ['b.js:1', 'a.js:3']);
  const navigated = reduce(s, { type: 'receive', msgs: [{ v: 1, type: 'navigated', tabId: 1, url: 'https://a.test/next' }], at: 1 });
  assert.equal(navigated.staticSites, null, 'a new page is scanned anew');
  assert.equal(navigated.navigations, 1);
  s = reduce(s, { type: 'import', name: 'f.json', input: { entries: [], frames: [], staticSites: [site('c.js', 9)] } });
  s = reduce(s, { type: 'static-sites', url: 'a.js', sites: [site('a.js', 4)] });
  assert.deepEqual(s.staticSites?.map((x) => `${x.url}:${x.line}`), ['c.js:9']);
});
