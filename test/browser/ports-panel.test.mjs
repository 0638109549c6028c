import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabIdOf, unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// The panel (opened standalone on the recorded tab) lists the channels and the neutered objects.

const env = suite();

test('the panel\'s Neutered objects and Channels views show the relayed channel with its end moved to the grandchild', async () => {
  const page = await env.ctx.browser.newPage();
  await page.goto(unique(env.server.url('A', '/ports-relay-top.html')));
  await page.evaluate(() => window.run(2));
  await waitForEntries(env.ctx, page, (es) => es.filter((e) => e.rec.k === 'port-recv').length >= 3, { what: 'the relay traffic' });
  const panel = await env.ctx.browser.newPage();
  await panel.goto(`chrome-extension://${env.ctx.extensionId}/panel.html?tab=${await tabIdOf(env.ctx, page)}`);
  const openView = (label) => panel.evaluate((label) => [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent === label)?.click(), label);
  await panel.waitForSelector('[role=tab]');
  await openView('Neutered objects');
  const neutered = await panel.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=neutered] tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent));
    return rows.length >= 4 && rows;
  }, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue());
  const inferred = neutered.filter((r) => r[3].includes('inferred'));
  assert.equal(inferred.length, 2, 'port2 of the relayed channel, moved top -> child -> grandchild, by inference (window sends are not wrapped)');
  assert.ok(neutered.every((r) => r[1] === 'port'));
  assert.ok(neutered.some((r) => /frames\[0\]\[0\]/.test(r[5])), 'an end arrived in the grandchild');
  await openView('Channels');
  const graph = await panel.waitForFunction(() => {
    const ports = document.querySelectorAll('[data-testid=channels] [data-port]').length;
    const contexts = [...document.querySelectorAll('[data-testid=channels] .ctx-label')].map((t) => t.textContent);
    return ports >= 3 && contexts.some((c) => c.startsWith('frames[0][0]')) && { ports, contexts };
  }, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue());
  assert.ok(graph.contexts.some((c) => c.startsWith('top')), JSON.stringify(graph));
  await panel.close();
  await page.close();
});
