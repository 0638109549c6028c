import type { Entry, FrameNode } from '../../extension/protocol';
import { frameLabel, frameOfRef } from './frames';
import { previewText } from './preview-text';

export interface Row { kind: string; from: string; to: string; origin: string; outcome: string; data: string }

/** The timeline's columns for one entry; null for records that are not messages. */
export const describeEntry = (e: Entry, frames: FrameNode[]): Row | null => {
  const r = e.rec;
  const here = frameLabel(frames, e.frameId);
  switch (r.k) {
    case 'win-recv':
      return { kind: r.type === 'messageerror' ? 'window messageerror' : 'window', from: frameOfRef(frames, e.frameId, r.source), to: here, origin: r.origin, outcome: 'delivered', data: previewText(r.data) };
    case 'win-send':
      return { kind: 'window send', from: here, to: frameOfRef(frames, e.frameId, r.target), origin: r.targetOrigin ?? 'unknown', outcome: r.outcome, data: r.data ? previewText(r.data) : 'unknown' };
    case 'port-send':
      return { kind: r.via, from: `${here} ${r.port}`, to: '', origin: '', outcome: r.outcome, data: r.data ? previewText(r.data) : 'unknown' };
    case 'port-recv':
      return { kind: r.via, from: '', to: `${here} ${r.port}`, origin: '', outcome: 'delivered', data: previewText(r.data) };
    default:
      return null;
  }
};
