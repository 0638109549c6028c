/** Which rows of a fixed-height list are visible, plus `overscan` rows either side for smooth scrolling. */
export const visibleRange = (scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): { start: number; end: number } => {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewport) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
};

/** The scrollTop that brings row `index` into view, or the current one if it is visible already. */
export const scrollToShow = (scrollTop: number, viewport: number, rowHeight: number, index: number): number => {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
};
