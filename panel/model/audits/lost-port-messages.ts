import type { Audit, AuditItem } from './types';
import { recordEvidence, scoreOf } from './result';

// Channel messages that can never be delivered: posted on a closed or transferred port, on a port
// whose peer is gone, or marked doomed by the capture (e.g. the peer was closed first).

const LOST: Record<string, string> = {
  'lost-closed': 'the port was closed',
  'lost-neutered': 'the port had been transferred away',
  'lost-unentangled': 'the port has no peer any more',
  doomed: 'the receiving end can never deliver it',
};

export const lostPortMessages: Audit = {
  meta: {
    id: 'lost-port-messages',
    title: 'Every channel message can be delivered',
    failureTitle: 'Channel messages are lost',
    description: 'MessagePort.postMessage never throws when the message cannot arrive: a closed, transferred or disentangled port drops it silently (HTML, "post a message through a port").',
    severity: 'medium',
  },
  audit(input) {
    const items: AuditItem[] = [];
    let sends = 0;
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k !== 'port-send') continue;
      sends++;
      const why = LOST[r.outcome];
      if (!why) continue;
      items.push({
        summary: `${r.via} message on ${r.port} lost: ${why}`,
        evidence: [recordEvidence(e)],
        details: { port: r.port, outcome: r.outcome, via: r.via },
      });
    }
    return { score: scoreOf(sends, items.length > 0), items };
  },
};
