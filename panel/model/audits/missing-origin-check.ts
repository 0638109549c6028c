import type { Audit } from './types';
import { listenerVerdicts } from '../origin-check';
import { verdictEvidence } from './verdict-evidence';
import { scoreOf } from './result';

// Window message listeners that use what a message carries (event.data, or the ports it hands
// over) without checking who sent it: no check at all, or event.origin read and never compared.
// Port, worker and BroadcastChannel listeners are left out: their events carry no sender origin.

/** A listener that accepts transferred ports acts on the message as surely as one that reads data. */
const takesPorts = (source: string | null): boolean => source !== null && /\.ports\b/.test(source);

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
      .filter((v) => (v.kind === 'none' || v.kind === 'read-only') && (v.usesData || takesPorts(v.source)))
      .map((v) => ({
        summary: `${v.name || '(anonymous)'}: ${v.reason}`,
        evidence: verdictEvidence(v),
        details: { listener: v.listener, name: v.name, runs: v.trace.runs, method: v.method, frameOrigin: v.frameOrigin },
      }));
    return { score: scoreOf(windowListeners.length, items.length > 0), items };
  },
};
