import type { Audit } from './types';
import { listenerVerdicts } from '../origin-check';
import { verdictEvidence } from './verdict-evidence';

// Window message listeners that use event.data without checking who sent it. Port, worker and
// BroadcastChannel listeners are left out: their events carry no sender origin to check.

export const missingOriginCheck: Audit = {
  meta: {
    id: 'missing-origin-check',
    title: 'Every window message listener checks the sender',
    failureTitle: 'Window message listeners use data without checking event.origin',
    description: 'Any page can post to this window (an opener, a frame, a popup). A listener that acts on event.data must first compare event.origin with the origins it trusts.',
    severity: 'high',
  },
  audit(input) {
    const windowListeners = listenerVerdicts(input).filter((v) => v.targetKind === 'window' && v.how !== 'onmessageerror');
    const items = windowListeners
      .filter((v) => v.kind === 'none' && v.usesData)
      .map((v) => ({
        summary: `${v.name || '(anonymous)'}: ${v.reason}`,
        evidence: verdictEvidence(v),
        details: { listener: v.listener, name: v.name, runs: v.trace.runs, method: v.method, frameOrigin: v.frameOrigin },
      }));
    return { score: windowListeners.length === 0 ? null : items.length ? 0 : 1, items };
  },
};
