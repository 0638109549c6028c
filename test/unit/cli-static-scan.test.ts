import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeSite } from '../../cli/static-scan';
import type { StaticSite } from '../../panel/model/input';

const site = (line: number, col: number): StaticSite => ({ url: 'http://a/index.html', line, col, targetOrigin: "'*'", receiver: 'parent', kind: 'send', excerpt: "parent.postMessage(1, '*')" });

test('sites in an inline script are moved to their line and column in the HTML document', () => {
  // CDP: the script starts on 0-based line 9, column 8 of the document.
  const src = { startLine: 9, startColumn: 8 };
  assert.deepEqual([placeSite(site(1, 3), src).line, placeSite(site(1, 3), src).col], [10, 11]);
  assert.deepEqual([placeSite(site(4, 3), src).line, placeSite(site(4, 3), src).col], [13, 3], 'only the first line is shifted right');
  assert.deepEqual(placeSite(site(4, 3), { startLine: 0, startColumn: 0 }), site(4, 3), 'external scripts stay as they are');
});
