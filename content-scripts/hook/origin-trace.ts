import { N, call } from './natives';
import { copyFunctionShape } from './native-look';
import { describeValue } from './trace-values';
import { TRACE_LIMITS } from '../../extension/protocol/limits';
import type { HookRecord } from '../../extension/protocol';

// Origin tracing: while a wrapped listener runs, note which of event.origin/source/data it reads
// (through MessageEvent.prototype getters replaced by native-looking wrappers that call the
// originals exactly once per page read) and which string, RegExp, array, Set/Map and URL operations
// it applies to the origin or to strings derived from it. Tracers are swapped into the prototypes
// only during a listener's first traced calls (see beginTrace and swapHints) and swapped back when
// the outermost traced listener returns; all other code runs the untouched natives. `===` cannot
// be observed at runtime; the model combines these traces with static analysis of the source.

type Read = 'origin' | 'source' | 'data';
type Op = Extract<HookRecord, { k: 'listener-run' }>['ops'][number];

export interface Trace {
  event: unknown;
  reads: Read[];
  ops: Op[];
  opsDropped: number;
  dataRead: boolean;
  /** Traced string values and their labels ('origin', 'origin.hostname'...); null when operations are not traced. */
  tainted: Map<string, string> | null;
}

interface Swap { proto: object; key: string; original: (...a: never[]) => unknown; tracer: (...a: never[]) => unknown; on: boolean }

const stack: Trace[] = [];
let current: Trace | null = null;
/** Some tracer is in place (restored when the outermost traced listener returns). */
let swapped = false;
/** Every tracer is in place. */
let swappedAll = false;
/** > 0 while a tracer runs its original: nested builtin calls (match -> exec) are not separate ops. */
let inTracer = 0;
const swaps: Swap[] = [];

/**
 * Starts tracing a listener call. Reads of origin/source/data are always noted (cheap); operations
 * on the origin only when `traceOps`, because swapping builtins makes V8 drop optimized code that
 * depends on them: the caller traces operations for a listener's first few calls only. `hints` are
 * the tracers to put in place at once (see swapHints): an operation whose method is looked up
 * before the origin is read (`allowed.includes(e.origin)`) would otherwise run the untraced native.
 */
export const beginTrace = (event: unknown, hints: number[] | null, traceOps: boolean): Trace => {
  const t: Trace = { event, reads: [], ops: [], opsDropped: 0, dataRead: false, tainted: traceOps ? new N.Map() : null };
  call(N.ArrayPush, stack, t);
  current = t;
  if (traceOps && hints !== null && !swappedAll) for (let i = 0; i < hints.length; i++) swapOne(swaps[hints[i]]);
  return t;
};

/**
 * The tracers a listener needs in place from its first line: those whose method name occurs in
 * its source text, when that text mentions `origin` at all; null otherwise (zero cost per call).
 * Anything else is still traced once the listener reads the origin (all tracers go in then).
 */
export const swapHints = (source: string | null): number[] | null => {
  if (source === null || call<number>(N.StringIndexOf, source, 'origin') < 0) return null;
  const out: number[] = [];
  for (let i = 0; i < swaps.length; i++) {
    const key = swaps[i].key;
    const related = key === 'test' || key === 'exec' ? ['test', 'exec', 'match', 'search'] : [key];
    for (let j = 0; j < related.length; j++) {
      if (call<number>(N.StringIndexOf, source, related[j]) >= 0) {
        call(N.ArrayPush, out, i);
        break;
      }
    }
  }
  return out;
};

export const endTrace = (): void => {
  stack.length = stack.length - 1;
  current = stack.length > 0 ? stack[stack.length - 1] : null;
  if (current === null && swapped) swapOut();
};

const noteRead = (t: Trace, what: Read, value: unknown) => {
  let seen = false;
  for (let i = 0; i < t.reads.length; i++) if (t.reads[i] === what) seen = true;
  if (!seen) call(N.ArrayPush, t.reads, what);
  if (what === 'data') t.dataRead = true;
  else if (what === 'origin' && typeof value === 'string' && t.tainted !== null) {
    call(N.MapSet, t.tainted, value, 'origin');
    if (!swappedAll) swapIn();
  }
};

/** Replaces the MessageEvent getters once, at document_start; each calls the original exactly once. */
export const installEventGetters = (): void => {
  const proto = N.MessageEventProto;
  const fields: Read[] = ['origin', 'source', 'data'];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const d = N.getOwnPropertyDescriptor(proto, field);
    if (!d || !d.get) continue;
    const original = d.get;
    // An accessor from an object literal has no prototype, like the native; copyFunctionShape
    // gives it the native's name ("get origin") and length.
    const holder = {
      get value(): unknown {
        const v = N.apply(original, this, []);
        if (current !== null && this === current.event) {
          try {
            noteRead(current, field, v);
          } catch {
            // Tracing must never break the page.
          }
        }
        return v;
      },
    };
    const wrapped = N.getOwnPropertyDescriptor(holder, 'value')!.get!;
    copyFunctionShape(wrapped as never, original as never);
    N.defineProperty(proto, field, { get: wrapped, set: d.set, enumerable: d.enumerable, configurable: d.configurable });
  }
};

/** Labels for string results derived from a traced value (`origin.toLowerCase()`, `new URL(origin).hostname`). */
const DERIVING: Record<string, true> = { toLowerCase: true, toUpperCase: true, trim: true, slice: true, substring: true, substr: true, replace: true, hostname: true, host: true, origin: true, protocol: true, port: true };

const record = (t: Trace, op: string, label: string, role: 'this' | 'arg', self: unknown, args: ArrayLike<unknown>, result: unknown, key: string) => {
  if (t.ops.length >= TRACE_LIMITS.ops) {
    t.opsDropped++;
    return;
  }
  const argText: string[] = [];
  for (let i = 0; i < args.length && i < TRACE_LIMITS.args; i++) call(N.ArrayPush, argText, describeValue(args[i]));
  call(N.ArrayPush, t.ops, { op, on: label, role, recv: describeValue(self), args: argText, result: describeValue(result), afterData: t.dataRead });
  if (t.tainted === null) return;
  if (role === 'this' && typeof result === 'string' && DERIVING[key] === true && !call<boolean>(N.MapHas, t.tainted, result)) {
    call(N.MapSet, t.tainted, result, call<string>(N.StringSlice, label + '.' + key, 0, 64));
  }
  if (key === 'split' && N.isArray(result)) {
    const parts = result as unknown[];
    for (let i = 0; i < parts.length && i < 8; i++) if (typeof parts[i] === 'string') call(N.MapSet, t.tainted, parts[i], call<string>(N.StringSlice, label + '.split', 0, 64));
  }
};

/** The label of a traced value taking part in a call: the receiver first, then the first arguments. */
const involvement = (t: Trace, self: unknown, args: ArrayLike<unknown>): [string, 'this' | 'arg'] | null => {
  if (t.tainted === null) return null;
  if (typeof self === 'string') {
    const label = call<string | undefined>(N.MapGet, t.tainted, self);
    if (label !== undefined) return [label, 'this'];
  }
  for (let i = 0; i < args.length && i < 2; i++) {
    const a = args[i];
    if (typeof a !== 'string') continue;
    const label = call<string | undefined>(N.MapGet, t.tainted, a);
    if (label !== undefined) return [label, 'arg'];
  }
  return null;
};

const makeTracer = (original: (...a: never[]) => unknown, op: string, key: string) => {
  const holder = {
    method(this: unknown): unknown {
      inTracer++;
      let result: unknown;
      try {
        result = N.apply(original as (...a: unknown[]) => unknown, this, arguments as unknown as unknown[]);
      } finally {
        inTracer--;
      }
      const t = current;
      if (t !== null && inTracer === 0) {
        try {
          const who = involvement(t, this, arguments);
          if (who !== null) record(t, op, who[0], who[1], this, arguments, result, key);
        } catch {
          // Tracing must never break the page.
        }
      }
      return result;
    },
  };
  const tracer = holder.method;
  copyFunctionShape(tracer as never, original as never);
  return tracer;
};

/** URL getters: a URL parsed from a traced origin taints its parts. */
const makeUrlTracer = (original: (this: unknown) => unknown, key: string) => {
  const holder = {
    get value(): unknown {
      const result = N.apply(original, this, []);
      const t = current;
      if (t !== null && t.tainted !== null && inTracer === 0 && N.URLHref) {
        try {
          const href = N.apply(N.URLHref, this, []) as string;
          const bare = href.length > 0 && href[href.length - 1] === '/' ? call<string>(N.StringSlice, href, 0, href.length - 1) : href;
          const label = call<string | undefined>(N.MapGet, t.tainted, bare);
          if (label !== undefined) record(t, 'URL.' + key, label, 'this', href, [], result, key);
        } catch {
          // Tracing must never break the page.
        }
      }
      return result;
    },
  };
  const tracer = N.getOwnPropertyDescriptor(holder, 'value')!.get!;
  copyFunctionShape(tracer as never, original as never);
  return tracer;
};

const METHODS: [object | undefined, string, string[]][] = [
  [N.StringProto, 'String', ['indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'search', 'match', 'split', 'slice', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'trim', 'replace', 'localeCompare']],
  [N.RegExpProto, 'RegExp', ['test', 'exec']],
  [N.ArrayProto, 'Array', ['includes', 'indexOf']],
  [N.SetProto, 'Set', ['has']],
  [N.MapProto, 'Map', ['has', 'get']],
];
const URL_PARTS = ['hostname', 'host', 'origin', 'protocol', 'port'];

/** Builds the tracers at document_start from the pristine prototypes. */
export const prepareOperationTracers = (): void => {
  for (let m = 0; m < METHODS.length; m++) {
    const [proto, cls, keys] = METHODS[m];
    if (!proto) continue;
    for (let i = 0; i < keys.length; i++) {
      const d = N.getOwnPropertyDescriptor(proto, keys[i]);
      if (!d || typeof d.value !== 'function' || !d.writable) continue;
      call(N.ArrayPush, swaps, { proto, key: keys[i], original: d.value, tracer: makeTracer(d.value, cls + '.' + keys[i], keys[i]), on: false });
    }
  }
  const urlProto = N.URLProto;
  if (!urlProto) return;
  for (let i = 0; i < URL_PARTS.length; i++) {
    const d = N.getOwnPropertyDescriptor(urlProto, URL_PARTS[i]);
    if (!d || !d.get || !d.configurable) continue;
    call(N.ArrayPush, swaps, { proto: urlProto, key: URL_PARTS[i], original: d.get, tracer: makeUrlTracer(d.get, URL_PARTS[i]), on: false });
  }
};

/** Puts every tracer in place, only where the page left our pristine original. */
function swapIn() {
  swappedAll = true;
  for (let i = 0; i < swaps.length; i++) swapOne(swaps[i]);
}

function swapOne(s: Swap) {
  if (s.on) return;
  s.on = true;
  swapped = true;
  exchange(s, s.original, s.tracer);
}

function swapOut() {
  swapped = false;
  swappedAll = false;
  for (let i = 0; i < swaps.length; i++) {
    if (!swaps[i].on) continue;
    swaps[i].on = false;
    exchange(swaps[i], swaps[i].tracer, swaps[i].original);
  }
}

function exchange(s: Swap, from: unknown, to: unknown) {
  try {
    const d = N.getOwnPropertyDescriptor(s.proto, s.key);
    if (!d) return;
    if ('value' in d) {
      if (d.value === from) N.defineProperty(s.proto, s.key, { value: to, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
    } else if (d.get === from) {
      N.defineProperty(s.proto, s.key, { get: to as () => unknown, set: d.set, enumerable: d.enumerable, configurable: d.configurable });
    }
  } catch {
    // A frozen prototype keeps its method; that operation is then only seen statically.
  }
}
