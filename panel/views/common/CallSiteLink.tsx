import type { CallSite } from '../../model/input';
import type { DevtoolsHost } from '../../host';

/** A call site as text; inside DevTools, a link that opens it in the Sources panel. */
export function CallSiteLink({ site, host }: { site: CallSite | null | undefined; host: DevtoolsHost }) {
  if (!site) return <span className="unknown">unknown</span>;
  const label = `${site.fn ? `${site.fn} @ ` : ''}${site.url}:${site.line}:${site.col}`;
  const open = host.openResource;
  if (!open || !site.url) return <span className="code-ref">{label}</span>;
  return <button className="link code-ref" title="Open in Sources" onClick={() => open(site.url, site.line, site.col)}>{label}</button>;
}
