import type { CallSite, ModelInput } from '../input';

// Audits follow Lighthouse's shape: static meta plus a pure function from the recorded session to
// a score and a table of items, each item carrying the evidence the panel links to.

export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface AuditMeta {
  id: string;
  title: string;
  failureTitle: string;
  description: string;
  severity: Severity;
}

export interface Evidence {
  /** Entry key (`${entry.key}#${entry.rec.seq}`) of a message or listener record. */
  entry?: string;
  /** Hook listener id. */
  listener?: string;
  callSite?: CallSite;
  frameId?: number;
  /** Where this piece of evidence came from. */
  method: 'runtime' | 'debugger' | 'static';
}

export interface AuditItem {
  summary: string;
  evidence: Evidence[];
  details: Record<string, string | number | boolean | null>;
}

export interface AuditResult {
  /** 1 = pass, 0 = fail; null = not applicable (nothing to judge). */
  score: number | null;
  items: AuditItem[];
}

export interface Audit {
  meta: AuditMeta;
  audit(input: ModelInput): AuditResult;
}
