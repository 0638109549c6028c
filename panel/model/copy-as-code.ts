import type { Entry, FrameNode, Preview } from '../../extension/protocol';

// "Copy as code" and "Store as global": a JavaScript expression rebuilding a message's data from its
// preview. Everything from the page goes through JSON.stringify or a strict pattern check, so the
// snippet can be evaluated in the page (inspectedWindow.eval) without page text becoming code.
// Parts the preview does not hold (cut, getters, functions, platform objects) become `undefined`
// with a fixed comment; the snippet says so rather than guessing.

const NUMBER = /^-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|Infinity)$|^NaN$/i;
const BIGINT = /^-?\d+$/;
const TYPED = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView']);
const ERRORS = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'DOMException']);

const missing = (what: string) => `undefined /* ${what} not recorded */`;
/** A string literal; U+2028/2029 escaped too, so no page text can end a comment or a line. */
const q = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export const previewToJs = (p: Preview, indent = ''): string => {
  const inner = indent + '  ';
  switch (p.t) {
    case 'undefined': return 'undefined';
    case 'null': return 'null';
    case 'boolean': return p.v ? 'true' : 'false';
    case 'number': return NUMBER.test(p.v) ? p.v : missing('number');
    case 'bigint': return BIGINT.test(p.v) ? `${p.v}n` : missing('bigint');
    case 'string': return q(p.v) + (p.len > p.v.length ? ` /* ${p.len - p.v.length} more characters not recorded */` : '');
    case 'object': {
      const body = p.entries.map(([k, v]) => `${inner}${q(k)}: ${previewToJs(v, inner)},`);
      if (p.more > 0) body.push(`${inner}/* ${p.more} more properties not recorded */`);
      return body.length ? `{\n${body.join('\n')}\n${indent}}` : '{}';
    }
    case 'array': {
      const body = p.items.map((v) => `${inner}${previewToJs(v, inner)},`);
      if (p.more > 0) body.push(`${inner}/* ${p.more} more items not recorded */`);
      return body.length ? `[\n${body.join('\n')}\n${indent}]` : '[]';
    }
    case 'map': return `new Map([${p.entries.map(([k, v]) => `[${previewToJs(k, inner)}, ${previewToJs(v, inner)}]`).join(', ')}${p.more > 0 ? ' /* more entries not recorded */' : ''}])`;
    case 'set': return `new Set([${p.items.map((v) => previewToJs(v, inner)).join(', ')}${p.more > 0 ? ' /* more items not recorded */' : ''}])`;
    case 'date': return `new Date(${q(p.v)})`;
    case 'regexp': {
      const end = p.v.lastIndexOf('/');
      return end > 0 ? `new RegExp(${q(p.v.slice(1, end))}, ${q(p.v.slice(end + 1))})` : missing('regexp');
    }
    case 'arraybuffer': return Number.isSafeInteger(p.bytes) ? `new ${p.shared ? 'SharedArrayBuffer' : 'ArrayBuffer'}(${p.bytes}) /* contents not recorded */` : missing('buffer');
    case 'typedarray': {
      if (!TYPED.has(p.cls) || p.cls === 'DataView') return missing('view');
      const big = p.cls.startsWith('Big');
      const items = p.items.map((x) => (big ? (BIGINT.test(x) ? `${x}n` : '0n') : NUMBER.test(x) ? x : '0'));
      return `new ${p.cls}([${items.join(', ')}])${p.len > items.length ? ` /* ${p.len - items.length} more items not recorded */` : ''}`;
    }
    case 'blob': return p.name === null ? `new Blob([] /* contents not recorded */, { type: ${q(p.type)} })` : `new File([] /* contents not recorded */, ${q(p.name)}, { type: ${q(p.type)} })`;
    case 'error': return ERRORS.has(p.name) && p.name !== 'DOMException' ? `new ${p.name}(${q(p.message)})` : `new Error(${q(p.message)})`;
    case 'port': return missing('MessagePort');
    case 'platform': return missing('platform object');
    case 'accessor': return missing('getter value');
    case 'function': return missing('function');
    case 'symbol': return missing('symbol');
    case 'ref': return missing('repeated or circular reference');
    case 'cut': return missing('value');
  }
};

/** The data of a message record, when it was observed. */
export const dataOf = (e: Entry): Preview | null => {
  const r = e.rec;
  return 'data' in r ? r.data : null;
};

/** `top.frames[0][1]`: a path from the top window, as a same-tab expression; null when unknown. */
const windowExpr = (frames: FrameNode[], frameId: number): string | null => {
  const f = frames.find((x) => x.frameId === frameId && !x.gone);
  if (!f || !f.path) return null;
  return 'top' + f.path.map((i) => `.frames[${i}]`).join('');
};

/** A snippet that re-posts the message from the right kind of context. */
export const messageAsCode = (e: Entry, frames: FrameNode[]): string => {
  const r = e.rec;
  const data = dataOf(e);
  const literal = data ? previewToJs(data) : missing('data');
  const lines = [`const data = ${literal};`];
  switch (r.k) {
    case 'win-recv': {
      const target = windowExpr(frames, e.frameId) ?? 'recipientWindow /* the receiving window */';
      const recipientOrigin = frames.find((f) => f.frameId === e.frameId)?.origin ?? null;
      lines.push(`// Run in the sender's context; event.origin was ${q(r.origin)}. The sender's own targetOrigin was not observed.`);
      lines.push(`${target}.postMessage(data, ${recipientOrigin ? q(recipientOrigin) : `${q('*')} /* recipient origin unknown */`});`);
      break;
    }
    case 'win-send':
      lines.push(`recipientWindow /* ${r.target.rel} */.postMessage(data, ${r.targetOrigin === null ? q('*') + ' /* targetOrigin not observed */' : q(r.targetOrigin)});`);
      break;
    case 'port-send': case 'port-recv':
      if (r.via === 'broadcast' && r.name !== null) lines.push(`new BroadcastChannel(${q(r.name)}).postMessage(data);`);
      else lines.push(`port.postMessage(data); // port: the ${r.via} object Postscope calls ${q(r.port)}`);
      break;
    default:
      return '';
  }
  return lines.join('\n');
};
