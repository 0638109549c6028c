import { arr, bool, int, lazy, lit, nullable, num, obj, str, tagged, type Schema } from './schema';
import { LIMITS } from './limits';

/**
 * A bounded, type-accurate description of a message's data. Built by the hook without invoking page
 * getters or Proxy traps; rendered by the panel as text only.
 */
export type Preview =
  | { t: 'undefined' }
  | { t: 'null' }
  | { t: 'boolean'; v: boolean }
  /** Numbers travel as strings so NaN, Infinity and -0 survive JSON. */
  | { t: 'number'; v: string }
  | { t: 'bigint'; v: string }
  /** `len` is the full length; `v` may be a prefix of it. */
  | { t: 'string'; v: string; len: number }
  | { t: 'object'; cls: string; entries: [string, Preview][]; more: number }
  | { t: 'array'; len: number; items: Preview[]; more: number }
  | { t: 'map'; size: number; entries: [Preview, Preview][]; more: number }
  | { t: 'set'; size: number; items: Preview[]; more: number }
  | { t: 'date'; v: string }
  | { t: 'regexp'; v: string }
  | { t: 'arraybuffer'; bytes: number; detached: boolean; shared: boolean }
  | { t: 'typedarray'; cls: string; len: number; bytes: number; items: string[] }
  | { t: 'blob'; size: number; type: string; name: string | null; lastModified: number | null }
  | { t: 'error'; name: string; message: string }
  /** A MessagePort inside the data (not in `ports`): `id` is the hook's port id when known. */
  | { t: 'port'; id: string | null }
  | { t: 'platform'; cls: string }
  /** An accessor property on a sent object: its getter is never run by Postscope. */
  | { t: 'accessor' }
  | { t: 'function'; name: string }
  | { t: 'symbol'; v: string }
  /** A back-reference to an ancestor (cycle) or an object already shown. */
  | { t: 'ref' }
  /** Depth or node budget reached. */
  | { t: 'cut' };

const s = () => str(LIMITS.previewString + 64);
const entries = LIMITS.previewEntries;

export const previewSchema: Schema<Preview> = lazy(() =>
  tagged('t', {
    undefined: obj({ t: lit('undefined') }),
    null: obj({ t: lit('null') }),
    boolean: obj({ t: lit('boolean'), v: bool() }),
    number: obj({ t: lit('number'), v: str(32) }),
    bigint: obj({ t: lit('bigint'), v: s() }),
    string: obj({ t: lit('string'), v: s(), len: int() }),
    object: obj({ t: lit('object'), cls: str(128), entries: arr(tupleStrPreview, entries), more: int() }),
    array: obj({ t: lit('array'), len: int(), items: arr(previewSchema, entries), more: int() }),
    map: obj({ t: lit('map'), size: int(), entries: arr(tuplePreviewPreview, entries), more: int() }),
    set: obj({ t: lit('set'), size: int(), items: arr(previewSchema, entries), more: int() }),
    date: obj({ t: lit('date'), v: str(64) }),
    regexp: obj({ t: lit('regexp'), v: s() }),
    arraybuffer: obj({ t: lit('arraybuffer'), bytes: int(), detached: bool(), shared: bool() }),
    typedarray: obj({ t: lit('typedarray'), cls: str(64), len: int(), bytes: int(), items: arr(str(64), entries) }),
    blob: obj({ t: lit('blob'), size: int(), type: str(256), name: nullable(s()), lastModified: nullable(num()) }),
    error: obj({ t: lit('error'), name: str(128), message: s() }),
    port: obj({ t: lit('port'), id: nullable(str(64)) }),
    platform: obj({ t: lit('platform'), cls: str(128) }),
    accessor: obj({ t: lit('accessor') }),
    function: obj({ t: lit('function'), name: str(256) }),
    symbol: obj({ t: lit('symbol'), v: s() }),
    ref: obj({ t: lit('ref') }),
    cut: obj({ t: lit('cut') }),
  }) as Schema<Preview>,
);

const keyText = str(LIMITS.previewString + 64);
const tupleStrPreview: Schema<[string, Preview]> = {
  test: (v) => Array.isArray(v) && v.length === 2 && keyText.test(v[0]) && previewSchema.test(v[1]),
  check: (v, p) => {
    if (!Array.isArray(v) || v.length !== 2) return `${p}: expected [key, preview]`;
    return keyText.check(v[0], `${p}[0]`) ?? previewSchema.check(v[1], `${p}[1]`);
  },
};
const tuplePreviewPreview: Schema<[Preview, Preview]> = {
  test: (v) => Array.isArray(v) && v.length === 2 && previewSchema.test(v[0]) && previewSchema.test(v[1]),
  check: (v, p) => {
    if (!Array.isArray(v) || v.length !== 2) return `${p}: expected [key, value]`;
    return previewSchema.check(v[0], `${p}[0]`) ?? previewSchema.check(v[1], `${p}[1]`);
  },
};

/** Counts nodes so a forged preview cannot be wider than the hook would ever build. */
export const previewNodeCount = (p: Preview): number => {
  switch (p.t) {
    case 'object': return 1 + p.entries.reduce((n, [, v]) => n + previewNodeCount(v), 0);
    case 'array': case 'set': return 1 + p.items.reduce((n, v) => n + previewNodeCount(v), 0);
    case 'map': return 1 + p.entries.reduce((n, [k, v]) => n + previewNodeCount(k) + previewNodeCount(v), 0);
    default: return 1;
  }
};

