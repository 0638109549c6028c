import { useMemo } from 'react';
import type { ModelInput } from '../model/input';
import { neuteredObjects } from '../model/neutered';
import { buildChannelGraph } from '../model/port-graph';
import { formatBytes } from '../model/preview-size';
import { EntryLink } from './common/EntryLink';
import { TruncatedText } from './common/TruncatedText';

/** Every object a message transferred away, which message moved it, and any later use of the dead object. */
export function NeuteredView({ input, onShowEntry }: { input: ModelInput; onShowEntry: (key: string) => void }) {
  const objects = useMemo(() => neuteredObjects(input), [input]);
  // Contexts are named by the channel graph ("top (origin)", "frames[0] (origin)", "worker ...").
  const labels = useMemo(() => new Map(buildChannelGraph(input).contexts.map((c) => [c.id, c.label])), [input]);
  const label = (id: string) => labels.get(id) ?? id;
  if (objects.length === 0) return <p className="empty">No transferred objects recorded.</p>;
  return (
    <div className="table-view" data-testid="neutered">
      <table className="plain">
        <thead><tr><th>Object</th><th>Kind</th><th>Size</th><th>Moved by</th><th>From</th><th>To</th><th>State</th><th>Later misuse</th></tr></thead>
        <tbody>
          {objects.map((o) => (
            <tr key={o.id} className={o.misuse.length ? 'misused' : undefined}>
              <td className="code-ref"><TruncatedText text={o.id} limit={40} /></td>
              <td>{o.kind}</td>
              <td>{o.bytes === null ? <span className="unknown">unknown</span> : formatBytes(o.bytes)}</td>
              <td>{o.movedBy ? <EntryLink entry={o.movedBy} onShow={onShowEntry} /> : <span className="unknown">unknown</span>}{o.method === 'inferred' && <span className="badge" title="Linked by inference from the traffic, not observed">inferred</span>}</td>
              <td><TruncatedText text={label(o.from)} limit={60} /></td>
              <td>{o.to === null ? <span className="unknown">unknown</span> : <TruncatedText text={label(o.to)} limit={60} />}</td>
              <td>{o.state}</td>
              <td>{o.misuse.length === 0 ? 'none' : o.misuse.map((m) => <EntryLink key={m} entry={m} onShow={onShowEntry} />)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
