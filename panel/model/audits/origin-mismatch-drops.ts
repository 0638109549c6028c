import type { Audit, AuditItem } from './types';
import { recordEvidence, scoreOf } from './result';

// Messages that never reached page code because of an origin mismatch: dropped by the browser
// (targetOrigin did not match the recipient, or was written with a path/trailing slash), as far as
// win-send records show it; and messages a listener rejected after reading the origin without
// ever reading data (its own origin check turned them away: informative, often a config bug).

export const originMismatchDrops: Audit = {
  meta: {
    id: 'origin-mismatch-drops',
    title: 'No message is lost to an origin mismatch',
    failureTitle: 'Messages are dropped because the origins do not match',
    description: "The browser silently drops a window message whose targetOrigin does not match the recipient's origin (HTML, window.postMessage step 'if targetOrigin is not a same-origin with the target'). Listeners that reject a sender also lose its messages.",
    severity: 'medium',
  },
  audit(input) {
    const items: AuditItem[] = [];
    let judged = 0;
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k === 'win-send') {
        judged++;
        if (r.outcome !== 'dropped-mismatch' && r.outcome !== 'dropped-slash') continue;
        items.push({
          summary: `dropped by the browser: targetOrigin ${JSON.stringify(r.targetOrigin)} vs recipient ${r.recipientOrigin ?? 'unknown'}${r.outcome === 'dropped-slash' ? ' (a path or trailing slash in targetOrigin)' : ''}`,
          evidence: [recordEvidence(e, r.method)],
          details: { by: 'browser', targetOrigin: r.targetOrigin, recipientOrigin: r.recipientOrigin },
        });
      } else if (r.k === 'listener-run' && r.type === 'message') {
        judged++;
        if (!r.reads.includes('origin') || r.reads.includes('data') || r.threw) continue;
        items.push({
          summary: `listener ${r.listener} read the origin ${JSON.stringify(r.origin)} and ignored the message`,
          evidence: [{ ...recordEvidence(e), listener: r.listener }],
          details: { by: 'listener', origin: r.origin, listener: r.listener },
        });
      }
    }
    const browserDrops = items.some((i) => i.details.by === 'browser');
    return { score: scoreOf(judged, browserDrops), items };
  },
};
