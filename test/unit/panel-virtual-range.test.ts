import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrollToShow, visibleRange } from '../../panel/views/timeline/virtual-range';

test('the visible range covers the viewport plus overscan, clamped to the rows', () => {
  assert.deepEqual(visibleRange(0, 100, 20, 1000, 2), { start: 0, end: 7 });
  assert.deepEqual(visibleRange(2000, 100, 20, 1000, 2), { start: 98, end: 107 });
  assert.deepEqual(visibleRange(19_990, 100, 20, 1000, 2), { start: 997, end: 1000 });
  assert.deepEqual(visibleRange(-50, 100, 20, 3, 2), { start: 0, end: 3 });
});

test('scrollToShow moves only as far as needed', () => {
  assert.equal(scrollToShow(100, 200, 20, 2), 40, 'above: align to top');
  assert.equal(scrollToShow(100, 200, 20, 20), 220, 'below: align to bottom');
  assert.equal(scrollToShow(100, 200, 20, 8), 100, 'visible: stay');
});
