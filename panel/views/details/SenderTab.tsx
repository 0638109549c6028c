import type { ReactNode } from 'react';
import type { FrameNode } from '../../../extension/protocol';
import type { StaticSite } from '../../model/input';
import type { Row } from '../../model/describe';
import type { DevtoolsHost } from '../../host';
import { frameLabel } from '../../model/frames';
import { CallSiteLink } from '../common/CallSiteLink';
import { TruncatedText } from '../common/TruncatedText';
import { Fields, Unknown } from './Fields';

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Static postMessage calls in scripts of the sender's origin: where this message may have come from. */
function Candidates({ sites, origin, host }: { sites: StaticSite[] | undefined; origin: string; host: DevtoolsHost }) {
  if (!sites) return <p className="note">The page's scripts have not been scanned (no DevTools resources).</p>;
  const mine = sites.filter((s) => s.kind === 'send' && originOf(s.url) === origin).slice(0, 20);
  if (mine.length === 0) return <p className="note">No postMessage call found in the scanned scripts of {origin}.</p>;
  return (
    <>
      <h4>Possible call sites in {origin}'s scripts (static analysis, not a runtime fact)</h4>
      <table className="plain" data-testid="candidates">
        <thead><tr><th>Call site</th><th>Receiver</th><th>targetOrigin</th></tr></thead>
        <tbody>
          {mine.map((s, i) => (
            <tr key={i}>
              <td><CallSiteLink site={{ url: s.url, line: s.line, col: s.col, fn: '' }} host={host} /></td>
              <td className="code-ref"><TruncatedText text={s.receiver} limit={60} /></td>
              <td className="code-ref"><TruncatedText text={s.targetOrigin} limit={60} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function SenderTab({ row, frames, sites, host }: { row: Row; frames: FrameNode[]; sites: StaticSite[] | undefined; host: DevtoolsHost }) {
  const r = row.entry.rec;
  switch (r.k) {
    case 'win-recv':
      return (
        <>
          <Fields items={[
            ['Window', <TruncatedText text={row.from} />],
            ['event.origin', <TruncatedText text={r.origin} />],
            ['Call site', <Unknown />],
            ['targetOrigin', <Unknown />],
            ['Trusted event', r.trusted ? 'yes' : 'no: dispatched by page script'],
          ]} />
          <p className="note">Window messages are recorded by the receiver; the sender's call, targetOrigin and transfer list are not observable at run time.</p>
          <Candidates sites={sites} origin={r.origin} host={host} />
        </>
      );
    case 'win-send':
      return <Fields items={[
        ['Frame', <TruncatedText text={frameLabel(frames, row.entry.frameId)} />],
        ['Call site', <CallSiteLink site={r.call} host={host} />],
        ['targetOrigin', r.targetOrigin === null ? <Unknown /> : <TruncatedText text={r.targetOrigin} />],
        ['Seen by', r.method],
      ]} />;
    case 'port-send':
      return <Fields items={[
        ['Frame', <TruncatedText text={frameLabel(frames, row.entry.frameId)} />],
        ['Object', `${r.via} ${r.port}`],
        ...(r.name !== null ? [['Name', <TruncatedText text={r.name} />] as [string, ReactNode]] : []),
        ['Call site', <CallSiteLink site={r.call} host={host} />],
        ['Error', r.error ? <TruncatedText text={`${r.error.name}: ${r.error.message}`} /> : 'none'],
      ]} />;
    case 'port-recv':
      return <Fields items={[['Sender', <Unknown why="see the Channels view for the entangled port" />], ['Received through', `${r.via} ${r.port}`]]} />;
    default:
      return null;
  }
}
