import { useMemo } from 'react';
import type { Row } from '../../model/describe';
import type { ModelInput } from '../../model/input';
import type { DevtoolsHost } from '../../host';
import type { ListenerVerdict } from '../../model/verdict-types';
import { frameLabel } from '../../model/frames';
import { listenersAt } from '../../model/listeners-at';
import { listenerVerdicts } from '../../model/origin-check';
import { buildChannelGraph } from '../../model/port-graph';
import { CallSiteLink } from '../common/CallSiteLink';
import { TruncatedText } from '../common/TruncatedText';
import { Fields, Unknown } from './Fields';

/** Who received the message, and which listeners were registered to see it when it arrived. */
export function RecipientTab({ row, input, host }: { row: Row; input: ModelInput; host: DevtoolsHost }) {
  const e = row.entry;
  const r = e.rec;
  const verdicts = useMemo(() => (r.k === 'win-recv' || r.k === 'port-recv' ? new Map(listenerVerdicts(input).map((v) => [v.listener, v])) : null), [input, r.k]);
  const joined = useMemo(() => (r.k === 'port-send' ? buildChannelGraph(input).messages.find((m) => m.send === row.id) ?? null : null), [input, r.k, row.id]);
  if (r.k === 'port-send') {
    return (
      <Fields items={[
        ['Recipient', joined?.to ? <TruncatedText text={joined.to} /> : <Unknown />],
        ['Outcome', joined ? `${joined.outcome}${joined.method === 'inferred' ? ' (inferred)' : ''}` : row.outcome],
        ['Received as', joined && joined.recv.length ? joined.recv.join(', ') : <Unknown />],
      ]} />
    );
  }
  if (r.k === 'win-send') {
    return <Fields items={[['Recipient', row.to === 'unknown' ? <Unknown /> : <TruncatedText text={row.to} />], ['Outcome', row.outcome]]} />;
  }
  if (r.k !== 'win-recv' && r.k !== 'port-recv') return null;
  const target = r.k === 'win-recv' ? 'window' : r.port;
  const listeners = listenersAt(input.entries, e.key, target, r.t);
  return (
    <>
      <Fields items={[['Frame', <TruncatedText text={frameLabel(input.frames, e.frameId)} />], ['Target', target]]} />
      <h4>Message listeners at delivery ({listeners.length})</h4>
      {listeners.length === 0 ? (
        <p className="note">No message listener was recorded on this target at that time.</p>
      ) : (
        <table className="plain" data-testid="listeners">
          <thead><tr><th>Listener</th><th>Registered by</th><th>Defined at</th><th>Origin check</th></tr></thead>
          <tbody>
            {listeners.map((l) => (
              <tr key={l.rec.listener}>
                <td><TruncatedText text={l.rec.name || '(anonymous)'} limit={80} /></td>
                <td>{l.rec.how}</td>
                <td>{l.rec.defined ? <CallSiteLink site={l.rec.defined} host={host} /> : <Unknown />}</td>
                <td><Verdict verdict={verdicts?.get(l.rec.listener)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Verdict({ verdict }: { verdict: ListenerVerdict | undefined }) {
  if (!verdict) return <Unknown />;
  return (
    <span className={`verdict verdict-${verdict.kind}`} title={verdict.reason}>
      {verdict.kind}
      {verdict.example && <> (passes for <TruncatedText text={verdict.example} limit={60} />)</>}
    </span>
  );
}
