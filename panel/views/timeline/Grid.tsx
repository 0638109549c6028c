import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Row } from '../../model/describe';
import type { SortColumn, SortOrder } from '../../store/selectors';
import { scrollToShow, visibleRange } from './virtual-range';
import type { PortEnds } from '../../store/port-ends';

// The timeline grid: only the visible rows (plus a few) exist in the DOM, so 100,000 messages cost
// what 50 do. Rows have a fixed height; the body scrolls a spacer as tall as all rows.

export const ROW_HEIGHT = 21;

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'time', label: 'Time' },
  { id: 'kind', label: 'Kind' },
  { id: 'from', label: 'From' },
  { id: 'to', label: 'To' },
  { id: 'targetOrigin', label: 'targetOrigin' },
  { id: 'outcome', label: 'Outcome' },
  { id: 'size', label: 'Size' },
  { id: 'preview', label: 'Data' },
];

/** t0 null: wall-clock time of day (local), else seconds since t0. */
const timeText = (t: number, t0: number | null): string => {
  if (t0 !== null) return `${((t - t0) / 1000).toFixed(3)} s`;
  const d = new Date(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
};

const cellText = (r: Row, c: SortColumn, t0: number | null, ends: PortEnds): string => {
  switch (c) {
    case 'from': return ends.get(r.id)?.from ?? r.from;
    case 'to': return ends.get(r.id)?.to ?? r.to;
    case 'time': return timeText(r.t, t0);
    case 'kind': return `${r.kind} ${r.side === 'send' ? '→' : '←'}`;
    case 'size': return r.sizeText;
    case 'targetOrigin': return r.targetOrigin || '—';
    default: return r[c];
  }
};

const rowClass = (r: Row, i: number, selected: boolean): string =>
  ['grid-row', i % 2 ? 'odd' : '', `outcome-${r.group}`, r.wildcard ? 'wildcard' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');

interface Props {
  rows: Row[];
  repeats: number[] | null;
  /** Times are shown relative to t0, or as wall-clock time when null. */
  t0: number | null;
  /** The other end of port messages, joined by the channel graph. */
  ends: PortEnds;
  selected: string | null;
  onSelect: (row: Row) => void;
  sort: SortOrder;
  onSort: (s: SortOrder) => void;
}

export function Grid({ rows, repeats, t0, ends, selected, onSelect, sort, onSort }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);
  // Like the Console: while the view is at its end, new rows keep it there; scrolling up stops that.
  // The rows to render are computed from the end directly, so following costs no second render.
  const atEnd = useRef(true);
  const endTop = Math.max(0, rows.length * ROW_HEIGHT - viewport);
  const top = atEnd.current ? endTop : scrollTop;
  useLayoutEffect(() => {
    const el = body.current;
    if (el && atEnd.current && el.scrollTop !== endTop) el.scrollTop = endTop;
  }, [endTop]);
  const onScroll = () => {
    const el = body.current;
    if (!el) return;
    atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2;
    setScrollTop(el.scrollTop);
  };
  const selectedIndex = useMemo(() => (selected === null ? -1 : rows.findIndex((r) => r.id === selected)), [rows, selected]);
  // Bring the selection into view when it changes by keyboard or from another view; a click
  // selects a row that is already visible, and new rows arriving must not pull the view back.
  const clicked = useRef(false);
  useEffect(() => {
    const el = body.current;
    if (clicked.current) {
      clicked.current = false;
      return;
    }
    if (!el || selectedIndex < 0) return;
    el.scrollTop = scrollToShow(el.scrollTop, el.clientHeight, ROW_HEIGHT, selectedIndex);
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const step = moves[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const from = selectedIndex < 0 ? (step > 0 ? -1 : rows.length) : selectedIndex;
    const next = Math.min(rows.length - 1, Math.max(0, from + step));
    onSelect(rows[next]);
  };

  const { start, end } = visibleRange(top, viewport, ROW_HEIGHT, rows.length);
  const visible = [];
  // Rows are keyed and ordered by their slot in the window (row i sits in slot i % slots), not by
  // message: scrolling then updates existing row elements in place instead of creating, removing or
  // reordering elements every frame. Rows are placed by transform, so DOM order does not matter.
  const slots = end - start;
  for (let k = 0; k < slots; k++) {
    const i = start + ((((k - start) % slots) + slots) % slots);
    const r = rows[i];
    const n = repeats ? repeats[i] : 1;
    visible.push(
      <div key={k} role="row" aria-rowindex={i + 2} aria-selected={r.id === selected} className={rowClass(r, i, r.id === selected)} style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }} data-id={r.id} data-kind={r.kind} onMouseDown={() => {
        clicked.current = r.id !== selected;
        onSelect(r);
      }}>
        {COLUMNS.map((c) => {
          const text = cellText(r, c.id, t0, ends);
          return (
            <div role="gridcell" key={c.id} className={`cell col-${c.id}`} title={text}>
              {c.id === 'preview' && n > 1 && <span className="repeat" title={`${n} identical messages in a row`}>{n}</span>}
              {text}
            </div>
          );
        })}
      </div>,
    );
  }
  return (
    <div className="grid" role="grid" aria-rowcount={rows.length + 1} tabIndex={0} onKeyDown={onKeyDown} data-testid="grid">
      <div className="grid-head" role="row">
        {COLUMNS.map((c) => (
          <div key={c.id} role="columnheader" className={`cell col-${c.id}`} aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            onClick={() => onSort({ column: c.id, descending: sort.column === c.id ? !sort.descending : false })}>
            {c.label}
            {sort.column === c.id && <span className="sort-arrow">{sort.descending ? '▼' : '▲'}</span>}
          </div>
        ))}
      </div>
      <div className="grid-body" ref={body} onScroll={onScroll}>
        <div className="grid-spacer" style={{ height: rows.length * ROW_HEIGHT }}>{visible}</div>
        {rows.length === 0 && <div className="empty">No messages match.</div>}
      </div>
    </div>
  );
}
