import type { Evidence } from './types';
import type { ListenerVerdict } from '../verdict-types';

/** The listener registration and up to five of its runs, as audit evidence. */
export const verdictEvidence = (v: ListenerVerdict): Evidence[] => {
  const method = v.method === 'static' ? 'static' : 'runtime';
  return [
    { entry: v.entry, listener: v.listener, frameId: v.frameId, method, ...(v.call ? { callSite: v.call } : {}) },
    ...v.runs.slice(0, 5).map((entry): Evidence => ({ entry, listener: v.listener, frameId: v.frameId, method: 'runtime' })),
  ];
};
