import { KINDS, OUTCOME_GROUPS, type MessageKind, type OutcomeGroup } from '../../model/describe';
import type { TimelineFilter } from '../../store/filter';

// The Network panel's filter bar: a text box (free text, key:value, -negation), invert, and chips.

const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

const GROUP_LABELS: Record<OutcomeGroup, string> = { ok: 'Delivered', dropped: 'Dropped', lost: 'Lost', failed: 'Failed', unknown: 'Unknown' };

interface Props {
  filter: TimelineFilter;
  onChange: (f: TimelineFilter) => void;
  groupRepeats: boolean;
  onGroupRepeats: (on: boolean) => void;
  shown: number;
  total: number;
}

export function FilterBar({ filter, onChange, groupRepeats, onGroupRepeats, shown, total }: Props) {
  const set = (patch: Partial<TimelineFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filter-bar">
      <div className="filter-row">
        <input
          className="filter-text" type="search" placeholder="Filter: text, from: to: origin: kind: outcome: channel: target:*  -negate" spellCheck={false}
          aria-label="Filter" data-testid="filter" value={filter.text} onChange={(e) => set({ text: e.target.value })}
        />
        <label className="check"><input type="checkbox" checked={filter.invert} onChange={(e) => set({ invert: e.target.checked })} />Invert</label>
        <label className="check"><input type="checkbox" checked={groupRepeats} onChange={(e) => onGroupRepeats(e.target.checked)} />Group repeats</label>
        {filter.scope && (
          <span className="scope" data-testid="scope">
            {filter.scope.type === 'channel' ? `channel ${filter.scope.id}` : `frame ${filter.scope.label}`}
            <button className="icon" title="Remove this restriction" onClick={() => set({ scope: null })}>×</button>
          </span>
        )}
        <span className="count" data-testid="shown">{shown === total ? `${total} messages` : `${shown} / ${total} messages`}</span>
      </div>
      <div className="filter-row chips" role="group" aria-label="Kinds and outcomes">
        <Chip label="All" on={filter.kinds.length === 0} onClick={() => set({ kinds: [] })} />
        {KINDS.map((k) => <Chip key={k} label={k} on={filter.kinds.includes(k)} onClick={() => set({ kinds: toggle<MessageKind>(filter.kinds, k) })} />)}
        <span className="divider" />
        <Chip label="Any outcome" on={filter.groups.length === 0} onClick={() => set({ groups: [] })} />
        {OUTCOME_GROUPS.map((g) => <Chip key={g} label={GROUP_LABELS[g]} on={filter.groups.includes(g)} onClick={() => set({ groups: toggle<OutcomeGroup>(filter.groups, g) })} />)}
      </div>
    </div>
  );
}

function Chip({ label, on, onClick }: { label: string; on: boolean; onClick: () => void }) {
  return <button className={`chip${on ? ' on' : ''}`} aria-pressed={on} onClick={onClick}>{label}</button>;
}
