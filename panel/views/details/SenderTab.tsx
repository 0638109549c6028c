import type { ReactNode } from 'react';
import type { FrameNode } from '../../../extension/protocol';
import type { Row } from '../../model/describe';
import type { DevtoolsHost } from '../../host';
import { frameLabel } from '../../model/frames';
import { CallSiteLink } from '../common/CallSiteLink';
import { TruncatedText } from '../common/TruncatedText';
import { Fields, Unknown } from './Fields';

export function SenderTab({ row, frames, host }: { row: Row; frames: FrameNode[]; host: DevtoolsHost }) {
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
