import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../support/server.mjs';
import { launch, tabIdOf, unique, waitForEntries } from '../support/browser.mjs';

// The panel (opened standalone on the recorded tab) lists the channels and the neutered objects.

let server, ctx;
before(async () => {
  server = await serve();
  ctx = await launch();
});
after(async () => {
  await ctx?.close();
  await server?.close();
});

test('the panel lists the relayed channel with its end moved to the grandchild, and the neutered ports', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(unique(server.url('A', '/ports-relay-top.html')));
  await page.evaluate(() => window.run(2));
  await waitForEntries(ctx, page, (es) => es.filter((e) => e.rec.k === 'port-recv').length >= 3, { what: 'the relay traffic' });
  const panel = await ctx.browser.newPage();
  await panel.goto(`chrome-extension://${ctx.extensionId}/panel.html?tab=${await tabIdOf(ctx, page)}`);
  const rows = await panel.waitForFunction(() => {
    const channels = [...document.querySelectorAll('[data-testid=channels] tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent));
    const neutered = [...document.querySelectorAll('[data-testid=neutered] tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent));
    return channels.length >= 3 && neutered.length >= 4 && { channels, neutered };
  }, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue());
  const [relayed] = rows.channels;
  assert.match(relayed[1], /^top/);
  assert.match(relayed[3], /frames\[0\]\[0\].*\(moved\)$/, 'end 2 is in the grandchild');
  assert.equal(relayed[4], 'open');
  const inferred = rows.neutered.filter((r) => r[5] === 'inferred');
  assert.equal(inferred.length, 2, 'port2 of the relayed channel, moved top -> child -> grandchild');
  assert.ok(rows.neutered.filter((r) => r[5] === 'observed').every((r) => r[1] === 'port' && /frames\[0\]\[0\]/.test(r[4])));
  await panel.close();
  await page.close();
});
