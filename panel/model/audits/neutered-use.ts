import type { Audit, AuditItem } from './types';
import { recordEvidence, scoreOf } from './result';

// Using an object after it was transferred: posting on a MessagePort that was sent away (its
// messages go nowhere) or sending an ArrayBuffer that was already detached (DataCloneError).

export const neuteredUse: Audit = {
  meta: {
    id: 'neutered-use',
    title: 'Transferred objects are not used afterwards',
    failureTitle: 'Objects are used after they were transferred',
    description: 'Transferring a MessagePort or ArrayBuffer moves it: the sender keeps a neutered shell (HTML structured serialize with transfer). Messages posted on a transferred port are lost; a detached buffer cannot be sent again.',
    severity: 'medium',
  },
  audit(input) {
    const items: AuditItem[] = [];
    let sends = 0;
    for (const e of input.entries) {
      const r = e.rec;
      if (r.k !== 'port-send' && r.k !== 'win-send') continue;
      sends++;
      const detached = r.data?.t === 'arraybuffer' && r.data.detached;
      const neuteredPort = r.k === 'port-send' && r.outcome === 'lost-neutered';
      const cloneError = r.outcome === 'threw' && r.error?.name === 'DataCloneError' && /detach|neuter/i.test(r.error.message);
      if (!detached && !neuteredPort && !cloneError) continue;
      items.push({
        summary: neuteredPort ? `posted on port ${r.k === 'port-send' ? r.port : ''} after it was transferred: the message is lost` : `sent an ArrayBuffer that was already transferred${r.error ? ` (${r.error.name}: ${r.error.message})` : ''}`,
        evidence: [recordEvidence(e)],
        details: { kind: neuteredPort ? 'port' : 'arraybuffer', outcome: r.outcome },
      });
    }
    return { score: scoreOf(sends, items.length > 0), items };
  },
};
