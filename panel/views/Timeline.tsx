import type { Entry, FrameNode } from '../../extension/protocol';
import { describeEntry } from '../model/describe';

/** A plain timeline: one row per record, text only. The full grid is the panel's later work. */
export function Timeline({ entries, frames }: { entries: Entry[]; frames: FrameNode[] }) {
  const t0 = entries.length ? entries[0].rec.t : 0;
  return (
    <table className="timeline" data-testid="timeline">
      <thead>
        <tr><th>time</th><th>kind</th><th>from</th><th>to</th><th>origin</th><th>outcome</th><th>data</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const d = describeEntry(e, frames);
          if (!d) return null;
          return (
            <tr key={`${e.key}#${e.rec.seq}`} data-kind={d.kind} data-outcome={d.outcome}>
              <td>{((e.rec.t - t0) / 1000).toFixed(3)}</td>
              <td>{d.kind}</td>
              <td className="from">{d.from}</td>
              <td className="to">{d.to}</td>
              <td>{d.origin}</td>
              <td>{d.outcome}</td>
              <td className="data">{d.data}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
