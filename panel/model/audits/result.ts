import type { Entry } from '../../../extension/protocol';
import { entryKey } from '../input';
import type { Evidence } from './types';

/** Evidence pointing at one recorded message: its entry, its frame and, when the record has one, its call site. */
export const recordEvidence = (e: Entry, method: Evidence['method'] = 'runtime'): Evidence => {
  const call = 'call' in e.rec ? e.rec.call : null;
  return { entry: entryKey(e), frameId: e.frameId, method, ...(call ? { callSite: call } : {}) };
};

/** Lighthouse's binary score: null when nothing was there to judge, 0 when something failed, else 1. */
export const scoreOf = (judged: number, failed: boolean): number | null => (judged === 0 ? null : failed ? 0 : 1);
