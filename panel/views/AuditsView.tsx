import { useMemo, useState } from 'react';
import type { ModelInput } from '../model/input';
import type { DevtoolsHost } from '../host';
import type { AuditItem, AuditMeta, AuditResult, Severity } from '../model/audits/types';
import { runAudits } from '../model/audits';
import { createMessageResolver } from '../model/evidence-message';
import { CallSiteLink } from './common/CallSiteLink';
import { EntryLink } from './common/EntryLink';
import { TruncatedText } from './common/TruncatedText';

// Findings grouped by audit (Lighthouse's shape: meta plus a table of items), failing audits first,
// each item with its evidence linked: message rows in the timeline, code in the Sources panel.

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const rank = (r: AuditResult) => (r.score === 0 ? 0 : r.score === null ? 2 : 1);

export function AuditsView({ input, host, onShowEntry }: { input: ModelInput; host: DevtoolsHost; onShowEntry: (key: string) => void }) {
  const findings = useMemo(() => runAudits(input).sort((a, b) => rank(a.result) - rank(b.result) || ORDER[a.meta.severity] - ORDER[b.meta.severity]), [input]);
  const messageOf = useMemo(() => createMessageResolver(input.entries), [input]);
  return (
    <div className="audits" data-testid="audits">
      {findings.map((f) => <AuditGroup key={f.meta.id} meta={f.meta} result={f.result} host={host} onShowEntry={onShowEntry} messageOf={messageOf} />)}
    </div>
  );
}

type Links = { host: DevtoolsHost; onShowEntry: (key: string) => void; messageOf: ReturnType<typeof createMessageResolver> };

function AuditGroup({ meta, result, ...links }: { meta: AuditMeta; result: AuditResult } & Links) {
  const failed = result.score === 0;
  const [open, setOpen] = useState(failed);
  const status = failed ? 'fail' : result.score === null ? 'n/a' : 'pass';
  return (
    <section className={`audit audit-${status}`} data-audit={meta.id}>
      <button className="audit-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={`severity sev-${failed ? meta.severity : 'none'}`}>{failed ? meta.severity : status}</span>
        <span className="audit-title">{failed ? meta.failureTitle : meta.title}</span>
        {result.items.length > 0 && <span className="badge">{result.items.length}</span>}
      </button>
      {open && (
        <div className="audit-body">
          <p className="note">{meta.description}</p>
          {result.items.length > 0 && (
            <table className="plain">
              <thead><tr><th>Finding</th><th>Evidence</th></tr></thead>
              <tbody>{result.items.slice(0, 500).map((item, i) => <ItemRow key={i} item={item} {...links} />)}</tbody>
            </table>
          )}
          {result.items.length > 500 && <p className="note">{result.items.length - 500} more items not shown.</p>}
        </div>
      )}
    </section>
  );
}

function ItemRow({ item, host, onShowEntry, messageOf }: { item: AuditItem } & Links) {
  return (
    <tr className="audit-item">
      <td><TruncatedText text={item.summary} limit={300} /></td>
      <td className="evidence">
        {item.evidence.slice(0, 20).map((ev, i) => {
          const message = ev.entry ? messageOf(ev.entry) : null;
          return (
            <div key={i}>
              {message && <EntryLink entry={message} onShow={onShowEntry} label="message" />}
              {ev.callSite && <CallSiteLink site={ev.callSite} host={host} />}
              {ev.entry && !message && <span className="code-ref" title={ev.entry}>{messageOf.kindOf(ev.entry) ?? 'unknown'} record</span>}
              {ev.listener && !ev.entry && !ev.callSite && <span className="code-ref">listener {ev.listener}</span>}
              <span className="badge">{ev.method}</span>
            </div>
          );
        })}
      </td>
    </tr>
  );
}
