import type { Row } from '../../model/describe';
import type { ModelInput } from '../../model/input';
import type { DevtoolsHost } from '../../host';
import type { TimelineFilter } from '../../store/filter';
import type { SortOrder, TimelineView } from '../../store/selectors';
import { DetailsPane } from '../details/DetailsPane';
import { FilterBar } from './FilterBar';
import { Grid } from './Grid';
import type { PortEnds } from '../../store/port-ends';

interface Props {
  view: TimelineView;
  input: ModelInput;
  t0: number | null;
  ends: PortEnds;
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
  sort: SortOrder;
  onSort: (s: SortOrder) => void;
  groupRepeats: boolean;
  onGroupRepeats: (on: boolean) => void;
  selected: Row | null;
  onSelect: (row: Row | null) => void;
  host: DevtoolsHost;
}

/** Filter bar over a virtualized grid, with the details of the selected message split to the right. */
export function Timeline(p: Props) {
  return (
    <div className="timeline-view">
      <FilterBar filter={p.filter} onChange={p.onFilter} groupRepeats={p.groupRepeats} onGroupRepeats={p.onGroupRepeats} shown={p.view.rows.length} total={p.view.total} />
      <div className={`split${p.selected ? ' with-details' : ''}`}>
        <Grid rows={p.view.rows} repeats={p.view.repeats} t0={p.t0} ends={p.ends} selected={p.selected?.id ?? null} onSelect={p.onSelect} sort={p.sort} onSort={p.onSort} />
        {p.selected && <DetailsPane row={p.selected} input={p.input} host={p.host} onClose={() => p.onSelect(null)} />}
      </div>
    </div>
  );
}
