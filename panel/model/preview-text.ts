import type { Preview } from '../../extension/protocol';

/** One-line text for a preview, like DevTools' console summaries; bounded by the preview itself. */
export const previewText = (p: Preview, depth = 0): string => {
  switch (p.t) {
    case 'undefined': case 'null': return p.t;
    case 'boolean': return String(p.v);
    case 'number': return p.v;
    case 'bigint': return `${p.v}n`;
    case 'string': return depth === 0 ? p.v + (p.len > p.v.length ? '…' : '') : JSON.stringify(p.v) + (p.len > p.v.length ? '…' : '');
    case 'object': {
      const inner = p.entries.map(([k, v]) => `${k}: ${depth < 2 ? previewText(v, depth + 1) : '…'}`).join(', ');
      return `${p.cls === 'Object' ? '' : p.cls + ' '}{${inner}${p.more > 0 ? ', …' : ''}}`;
    }
    case 'array': return `[${p.items.map((v) => (depth < 2 ? previewText(v, depth + 1) : '…')).join(', ')}${p.more > 0 ? ', …' : ''}]`;
    case 'map': return `Map(${p.size})`;
    case 'set': return `Set(${p.size})`;
    case 'date': return `Date(${p.v})`;
    case 'regexp': return p.v;
    case 'arraybuffer': return `${p.shared ? 'SharedArrayBuffer' : 'ArrayBuffer'}(${p.bytes})${p.detached ? ' detached' : ''}`;
    case 'typedarray': return `${p.cls}(${p.len})`;
    case 'blob': return `${p.name === null ? 'Blob' : `File ${p.name}`} (${p.size} bytes${p.type ? `, ${p.type}` : ''})`;
    case 'error': return `${p.name}: ${p.message}`;
    case 'port': return `MessagePort${p.id ? ` ${p.id}` : ''}`;
    case 'platform': return p.cls;
    case 'accessor': return '(getter)';
    case 'function': return `ƒ ${p.name}`;
    case 'symbol': return p.v;
    case 'ref': return '(circular)';
    case 'cut': return '…';
  }
};
