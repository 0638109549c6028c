import type { Audit, AuditItem } from './types';
import { recordEvidence, scoreOf } from './result';
import { sensitiveInPreview, sensitiveInText } from './sensitive';

// Messages sent with targetOrigin '*': whoever is in the target window receives them. Runtime sends
// come from win-send records (observable only in some cases, see docs/coverage.md); the rest from
// static analysis of the page's scripts.

export const wildcardTargetOrigin: Audit = {
  meta: {
    id: 'wildcard-target-origin',
    title: "No message is sent with targetOrigin '*'",
    failureTitle: "Messages are sent with targetOrigin '*'",
    description: "postMessage(data, '*') delivers data to whatever document is in the target window, including one an attacker navigated there. Name the recipient's origin instead.",
    severity: 'high',
  },
  audit(input) {
    const items: AuditItem[] = [];
    let sends = 0;
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k !== 'win-send') continue;
      sends++;
      if (r.targetOrigin !== '*') continue;
      const sensitive = r.data ? sensitiveInPreview(r.data) : [];
      items.push({
        summary: `'*' send to ${r.target.rel}${r.recipientOrigin ? ` (${r.recipientOrigin})` : ''}${sensitive.length ? `: ${sensitive.join('; ')}` : ''}`,
        evidence: [recordEvidence(e, r.method)],
        details: { recipientOrigin: r.recipientOrigin, sensitive: sensitive.length > 0, why: sensitive.join('; ') || null, method: r.method },
      });
    }
    for (const s of input.staticSites ?? []) {
      if (s.kind !== 'send') continue;
      sends++;
      if (s.targetOrigin !== "'*'") continue;
      const sensitive = sensitiveInText(s.excerpt);
      items.push({
        summary: `'*' send to ${s.receiver} at ${s.url}:${s.line}:${s.col}${sensitive.length ? `: ${sensitive.join('; ')}` : ''}`,
        evidence: [{ callSite: { url: s.url, line: s.line, col: s.col, fn: '' }, method: 'static' }],
        details: { recipientOrigin: null, sensitive: sensitive.length > 0, why: sensitive.join('; ') || null, method: 'static', excerpt: s.excerpt },
      });
    }
    items.sort((a, b) => Number(b.details.sensitive) - Number(a.details.sensitive));
    return { score: scoreOf(sends, items.length > 0), items };
  },
};
