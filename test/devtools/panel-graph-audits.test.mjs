import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique } from '../support/browser.mjs';
import { openPanel } from '../support/devtools.mjs';
import { suite } from '../support/suite.mjs';

// The Channels, Frames and Audits views in real DevTools, on a page that hands a channel to a
// cross-origin child and has a bypassable origin check (test/fixtures/panel-channels.html).

let panel;
const env = suite({ devtools: true, headless: false }, async ({ ctx, server }) => {
  const tab = (await ctx.browser.pages()).find((p) => !p.url().startsWith('devtools://')) ?? (await ctx.browser.newPage());
  await tab.goto(unique(server.url('A', '/panel-channels.html')));
  await tab.evaluate(() => window.done);
  await tab.waitForFunction(() => window.hello !== undefined);
  ({ panel } = await openPanel(ctx));
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row[data-kind=port]').length >= 2, { timeout: 15000 });
});

test('selecting a port in the channel graph filters the timeline to its messages', async () => {
  await panel.click('[data-tab=channels]');
  await panel.waitForSelector('[data-testid=channels] [data-port]');
  const ports = await panel.$$eval('[data-port]', (gs) => gs.map((g) => ({ id: g.dataset.port, label: g.getAttribute('aria-label') })));
  assert.ok(ports.length >= 2, `ports drawn: ${JSON.stringify(ports)}`);
  assert.ok(ports.some((p) => /neutered/.test(p.label)), 'the transferred port object is shown neutered');
  const sender = await panel.$$eval('[data-port]', (gs) => gs.find((g) => /[1-9]↑/.test(g.textContent))?.dataset.port);
  assert.ok(sender, 'a port that sent messages');
  await panel.click(`[data-port="${sender}"]`);
  await panel.waitForSelector('[data-testid=scope]');
  // The filtered grid renders as a deferred update: wait for it rather than read the rows before it.
  await panel.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.grid-row')];
    return rows.length > 0 && rows.every((r) => r.dataset.kind === 'port');
  }, { timeout: 5000 }).catch(() => undefined);
  const rows = await panel.$$eval('.grid-row', (rs) => rs.map((r) => r.dataset.kind));
  assert.ok(rows.length > 0 && rows.every((k) => k === 'port'), `only port messages: ${rows}`);
  // The step slider rebuilds the graph as it was at the first channel event: fewer ports.
  await panel.click('[data-tab=channels]');
  await panel.$eval('[data-testid=graph-step]', (s) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(s, '0');
    s.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await panel.waitForFunction((n) => document.querySelectorAll('[data-port]').length < n, {}, ports.length);
});

test('the frames view lists the frames with their origins; selecting one restricts the timeline', async () => {
  await panel.click('[data-tab=frames]');
  await panel.waitForSelector('[data-testid=frames] [data-frame]');
  const text = await panel.$eval('[data-testid=frames]', (t) => t.textContent);
  assert.ok(text.includes(env.server.origins.B), 'the widget frame with its origin');
  await panel.click('[data-testid=frames] [data-frame]:not([data-frame="0"])');
  await panel.waitForSelector('[data-testid=scope]');
  assert.equal(await panel.$eval('[role=tab][aria-selected=true][data-tab]', (t) => t.dataset.tab), 'timeline');
});

test('following an audit finding\'s evidence reveals its message in the timeline', async () => {
  await panel.click('[data-tab=audits]');
  await panel.waitForSelector('[data-audit=bypassable-origin-check], [data-audit]');
  const failing = await panel.$$eval('.audit-fail', (as) => as.map((a) => a.dataset.audit));
  assert.ok(failing.length > 0, 'the demo has failing audits');
  const key = await panel.$eval('.audit-fail .entry-link', (a) => a.dataset.entry);
  await panel.click('.audit-fail .entry-link');
  await panel.waitForSelector('[data-testid=details]');
  assert.equal(await panel.$eval('.grid-row.selected', (r) => r.dataset.id), key);
});

test('the page\'s scripts are scanned: the child\'s postMessage(..., \'*\') fails the wildcard audit with its call site', async () => {
  await panel.click('[data-tab=audits]');
  const audit = await panel.waitForSelector('[data-audit=wildcard-target-origin].audit-fail', { timeout: 15000 });
  const text = await audit.evaluate((a) => a.textContent);
  assert.match(text, /panel-channel-child\.html:\d+:\d+/, 'linked to the line in the child document');
});

test('a received window message lists its possible call sites from the sender origin\'s scripts', async () => {
  await panel.click('[data-tab=timeline]');
  const scope = await panel.$('[data-testid=scope] button');
  if (scope) await scope.click();
  await panel.click('[data-testid=filter]', { clickCount: 3 });
  await panel.type('[data-testid=filter]', 'hello kind:window');
  await panel.waitForFunction(() => document.querySelectorAll('.grid-row').length === 1);
  await panel.click('.grid-row');
  await panel.click('[data-tab=sender]');
  const candidates = await panel.waitForSelector('[data-testid=candidates]');
  assert.match(await candidates.evaluate((t) => t.textContent), /panel-channel-child\.html:\d+:\d+.*parent.*'\*'/);
});
