import type { Audit } from '../panel/model/audits/types';
import type { ModelInput } from '../panel/model/input';
import type { AuditOutcome } from './findings';

// The panel's audits (panel/model/audits/index.ts: AUDITS and runAudits), loaded through a pattern
// import so this CLI builds while that module is still being written on another branch; a build
// without it refuses to audit (cli/audit.ts) rather than report a clean page.

export interface AuditSuite {
  ids: string[];
  run(input: ModelInput): AuditOutcome[];
}

/** The audits, or null when this build has none. */
export const loadAudits = async (): Promise<AuditSuite | null> => {
  const name = 'index';
  let mod: unknown = null;
  try {
    // The bundle's pattern import throws synchronously for a module it does not contain.
    mod = await import(`../panel/model/audits/${name}.ts`);
  } catch {
    mod = null;
  }
  const { AUDITS, runAudits } = (mod ?? {}) as { AUDITS?: unknown; runAudits?: unknown };
  if (!Array.isArray(AUDITS) || typeof runAudits !== 'function') return null;
  return {
    ids: (AUDITS as Audit[]).map((a) => a.meta.id),
    run: (input) => (runAudits as (input: ModelInput) => AuditOutcome[])(input),
  };
};
