import type { Preview } from '../../extension/protocol';

/**
 * Approximate size in bytes of the value a preview describes: string lengths (UTF-16, 2 bytes per
 * unit), buffer and blob sizes, 8 bytes per primitive. `exact` is false when the preview was cut
 * (budget, depth, omitted entries), in which case the real value is larger.
 */
export const previewSize = (p: Preview): { bytes: number; exact: boolean } => {
  let bytes = 0;
  let exact = true;
  const walk = (q: Preview): void => {
    switch (q.t) {
      case 'string': bytes += q.len * 2; return;
      case 'object': bytes += 16; if (q.more > 0) exact = false; for (const [k, v] of q.entries) { bytes += k.length * 2; walk(v); } return;
      case 'array': bytes += 16; if (q.more > 0) exact = false; q.items.forEach(walk); return;
      case 'set': bytes += 16; if (q.more > 0) exact = false; q.items.forEach(walk); return;
      case 'map': bytes += 16; if (q.more > 0) exact = false; for (const [k, v] of q.entries) { walk(k); walk(v); } return;
      case 'arraybuffer': bytes += q.bytes; return;
      case 'typedarray': bytes += q.bytes; return;
      case 'blob': bytes += q.size; return;
      case 'cut': case 'accessor': case 'platform': exact = false; bytes += 8; return;
      default: bytes += 8;
    }
  };
  walk(p);
  return { bytes, exact };
};

export const formatBytes = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
