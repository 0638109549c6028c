import type { Audit } from './types';
import { listenerVerdicts } from '../origin-check';
import { verdictEvidence } from './verdict-evidence';
import { scoreOf } from './result';

// Listeners whose origin check an attacker can pass, each with the origin that passes it.

export const bypassableOriginCheck: Audit = {
  meta: {
    id: 'bypassable-origin-check',
    title: 'Origin checks cannot be passed by look-alike origins',
    failureTitle: 'Origin checks can be passed by an attacker-controlled origin',
    description: "Substring, prefix and suffix tests, unanchored RegExps, truthy indexOf and allow-lists containing 'null' accept origins an attacker can register. Compare the whole origin with === or an exact allow-list.",
    severity: 'high',
  },
  audit(input) {
    const judged = listenerVerdicts(input).filter((v) => v.targetKind === 'window');
    const items = judged
      .filter((v) => v.kind === 'bypassable' || v.kind === 'source-only')
      .map((v) => ({
        summary: `${v.name || '(anonymous)'}: ${v.reason}`,
        evidence: verdictEvidence(v),
        details: { listener: v.listener, kind: v.kind, example: v.example, checks: v.checks.map((c) => c.text).join(' | ') || null, method: v.method },
      }));
    const checked = judged.filter((v) => v.kind !== 'none' && v.kind !== 'unknown' && v.kind !== 'read-only');
    return { score: scoreOf(checked.length, items.length > 0), items };
  },
};
