import type { ModelInput } from '../input';
import type { Audit, AuditMeta, AuditResult } from './types';
import { wildcardTargetOrigin } from './wildcard-target-origin';
import { missingOriginCheck } from './missing-origin-check';
import { bypassableOriginCheck } from './bypassable-origin-check';
import { originMismatchDrops } from './origin-mismatch-drops';
import { neuteredUse } from './neutered-use';
import { lostPortMessages } from './lost-port-messages';
import { portLifecycle } from './port-lifecycle';

/** Every audit, in the order the panel lists them (most severe first). */
export const AUDITS: Audit[] = [
  wildcardTargetOrigin,
  missingOriginCheck,
  bypassableOriginCheck,
  originMismatchDrops,
  neuteredUse,
  lostPortMessages,
  portLifecycle,
];

export const runAudits = (input: ModelInput): { meta: AuditMeta; result: AuditResult }[] =>
  AUDITS.map((a) => ({ meta: a.meta, result: a.audit(input) }));
