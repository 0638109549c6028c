import { useState } from 'react';
import type { Row } from '../../model/describe';
import type { ModelInput } from '../../model/input';
import type { DevtoolsHost } from '../../host';
import { dataOf, messageAsCode, previewToJs } from '../../model/copy-as-code';
import { Tabs } from '../common/Tabs';
import { DataTree } from './DataTree';
import { SenderTab } from './SenderTab';
import { RecipientTab } from './RecipientTab';
import { TransfersTab } from './TransfersTab';

const TABS = [
  { id: 'data', label: 'Data' },
  { id: 'sender', label: 'Sender' },
  { id: 'recipient', label: 'Recipient' },
  { id: 'transfers', label: 'Transfers' },
  { id: 'raw', label: 'Raw' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The raw record as JSON, bounded: a forged record can be large, the pane must stay light. */
const RAW_LIMIT = 200_000;

export function DetailsPane({ row, input, host, onClose }: { row: Row; input: ModelInput; host: DevtoolsHost; onClose: () => void }) {
  const [tab, setTab] = useState<TabId>('data');
  const [status, setStatus] = useState('');
  const [globals, setGlobals] = useState(0);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(messageAsCode(row.entry, input.frames));
      setStatus('Copied');
    } catch {
      setStatus('Clipboard unavailable');
    }
  };
  const data = dataOf(row.entry);
  const evalInPage = host.evalInPage;
  const storeAsGlobal = async () => {
    if (!evalInPage || !data) return;
    const name = `$postscope${globals + 1}`;
    const error = await evalInPage(`globalThis.${name} = (${previewToJs(data)}); void 0`);
    setGlobals(globals + 1);
    setStatus(error ? `Failed: ${error}` : `Stored as ${name} in the top frame`);
  };
  const raw = JSON.stringify(row.entry, null, 2);
  const actions = (
    <>
      <button onClick={copy} title="Copy a snippet that re-posts this message">Copy as code</button>
      {evalInPage && <button onClick={storeAsGlobal} disabled={!data} title="Make the data a global variable in the inspected page">Store as global</button>}
      <span className="status" role="status">{status}</span>
      <button className="icon" onClick={onClose} title="Close" aria-label="Close details">×</button>
    </>
  );
  return (
    <section className="details" aria-label="Message details" data-testid="details">
      <Tabs tabs={TABS} current={tab} onChange={setTab} label="Details" extra={actions} />
      <div className="details-body">
        {tab === 'data' && <DataTree data={data} />}
        {tab === 'sender' && <SenderTab row={row} frames={input.frames} sites={input.staticSites} host={host} />}
        {tab === 'recipient' && <RecipientTab row={row} input={input} host={host} />}
        {tab === 'transfers' && <TransfersTab row={row} />}
        {tab === 'raw' && <pre className="raw">{raw.length > RAW_LIMIT ? raw.slice(0, RAW_LIMIT) + '\n… (cut)' : raw}</pre>}
      </div>
    </section>
  );
}
