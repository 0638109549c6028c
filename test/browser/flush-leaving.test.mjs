import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unique, waitForEntries } from '../support/browser.mjs';
import { suite } from '../support/suite.mjs';

// During a flood the hook hands records to the bridge at most once every few milliseconds; a
// document that goes away in the middle must still deliver everything it recorded, up to the
// message posted in the very task that removed or navigated its frame.

const env = suite();

for (const how of ['remove', 'navigate']) {
  test(`a frame that ${how === 'remove' ? 'removes itself' : 'navigates away'} mid-flood loses no record`, async () => {
    const page = await env.ctx.browser.newPage();
    await page.goto(unique(env.server.url('A', `/flush-leaving.html?how=${how}`)));
    const es = await waitForEntries(env.ctx, page, (es) => es.some((e) => e.rec.k === 'port-send' && e.rec.data?.t === 'object' && e.rec.data.entries[0]?.[0] === 'last') ? es : null, { what: 'the last message, posted as the frame went away' });
    const sends = es.filter((e) => e.rec.k === 'port-send');
    const recvs = es.filter((e) => e.rec.k === 'port-recv');
    assert.equal(sends.length, 301, 'every send');
    // A navigation is not immediate: the last message may still be delivered before it commits.
    assert.ok(recvs.length === 300 || (how === 'navigate' && recvs.length === 301), `every receive (${recvs.length})`);
    await page.close();
  });
}
