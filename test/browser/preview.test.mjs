import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// Previews are type-accurate and bounded: every structured-cloneable kind of value shows as what it
// is, and huge, deep or wide values are cut to the protocol's limits (extension/protocol/limits.ts).

let byName;
suite({}, async ({ ctx, server }) => {
  const page = await ctx.browser.newPage();
  await page.goto(unique(server.url('A', '/preview-types.html')));
  await page.evaluate(() => window.post());
  const recv = await waitForEntries(ctx, page, (es) => {
    const r = es.filter((e) => e.rec.k === 'win-recv');
    return r.length >= 20 ? r : null;
  }, { what: '20 previews' });
  byName = Object.fromEntries(recv.map((e) => {
    const entries = Object.fromEntries(e.rec.data.entries);
    return [entries.name.v, { value: entries.value, rec: e.rec }];
  }));
});

test('dates, regexps, maps, sets, typed arrays, buffers, blobs, files, errors, numbers and bigints keep their type', () => {
  assert.deepEqual(byName.date.value, { t: 'date', v: '2020-01-02T03:04:05.000Z' });
  assert.deepEqual(byName.badDate.value, { t: 'date', v: 'Invalid Date' });
  assert.deepEqual(byName.regexp.value, { t: 'regexp', v: '/a+b/gi' });
  assert.equal(byName.map.value.t, 'map');
  assert.equal(byName.map.value.size, 2);
  assert.deepEqual(byName.map.value.entries[0], [{ t: 'string', v: 'k', len: 1 }, { t: 'number', v: '1' }]);
  assert.deepEqual(byName.set.value.items.map((p) => p.v), ['x', 'y']);
  assert.deepEqual(byName.u8.value, { t: 'typedarray', cls: 'Uint8Array', len: 3, bytes: 3, items: ['1', '2', '3'] });
  assert.deepEqual(byName.f64.value.items, ['0.5', '0']);
  assert.deepEqual(byName.buffer.value, { t: 'arraybuffer', bytes: 16, detached: false, shared: false });
  assert.equal(byName.view.value.cls, 'DataView');
  assert.deepEqual(byName.blob.value, { t: 'blob', size: 5, type: 'text/plain', name: null, lastModified: null });
  assert.deepEqual(byName.file.value, { t: 'blob', size: 3, type: 'text/plain', name: 'notes.txt', lastModified: 1000 });
  assert.deepEqual(byName.error.value, { t: 'error', name: 'TypeError', message: 'bad thing' });
  assert.deepEqual(byName.numbers.value.items.map((p) => p.v), ['NaN', 'Infinity', '-0', '1e+21']);
  assert.deepEqual(byName.bigint.value, { t: 'bigint', v: '100000000000000000000' });
});

test('a transferred port inside the data is a port, and listed in the event\'s ports', () => {
  assert.equal(byName.withPort.value.t, 'port');
  assert.equal(byName.withPort.rec.ports.length, 1);
  assert.equal(byName.withPort.value.id, byName.withPort.rec.ports[0], 'the preview names the same port as event.ports');
  assert.equal(byName.nested.value.entries[0][1].t, 'port');
});

test('huge strings, deep nesting and wide arrays are cut to the limits, keeping their true size', () => {
  const huge = byName.huge.value;
  assert.equal(huge.len, 10 * 1024 * 1024);
  assert.equal(huge.v.length, 512);
  let depth = 0;
  for (let p = byName.deep.value; p.t === 'object'; p = p.entries[0][1]) depth++;
  assert.ok(depth <= 6, `nesting cut at ${depth}`);
  assert.equal(byName.wide.value.len, 1000);
  assert.equal(byName.wide.value.items.length, 50);
  assert.equal(byName.wide.value.more, 950);
  assert.equal(byName.html.value.v, '<img src=x onerror=alert(1)>', 'markup is kept as text, never interpreted');
});
