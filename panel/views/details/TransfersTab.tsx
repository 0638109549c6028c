import type { Row } from '../../model/describe';

export function TransfersTab({ row }: { row: Row }) {
  const r = row.entry.rec;
  if (r.k === 'win-send' || r.k === 'port-send') {
    if (r.transfer.length === 0) return <p className="note">No transfer list.</p>;
    return (
      <table className="plain">
        <thead><tr><th>Kind</th><th>Id</th><th>Bytes</th><th>After the call</th></tr></thead>
        <tbody>
          {r.transfer.map((x, i) => (
            <tr key={i}><td>{x.kind}</td><td>{x.id ?? 'unknown'}</td><td>{x.bytes ?? 'unknown'}</td><td>{x.after}</td></tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (r.k === 'win-recv' || r.k === 'port-recv') {
    if (r.ports.length === 0) return <p className="note">No ports arrived with this message. Transferred buffers arrive inside the data.</p>;
    return <p>Ports received (event.ports): {r.ports.join(', ')}</p>;
  }
  return null;
}
