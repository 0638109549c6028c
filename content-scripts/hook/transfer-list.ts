import { N, NP, call } from './natives';
import { LIMITS } from '../../extension/protocol/limits';

// Reads a postMessage transfer argument (a sequence, or an options dictionary with `transfer`) and
// describes each transferable before and after the call. Only own data properties of a genuine
// array or options object are read: no getter, iterator or toString of the page runs. An accessor,
// an iterable that is not an array, or a longer list than LIMITS.transfer leaves the rest unknown.

export type TransferKind = 'port' | 'arraybuffer' | 'imagebitmap' | 'offscreencanvas' | 'readablestream' | 'writablestream' | 'transformstream' | 'videoframe' | 'audiodata' | 'rtcdatachannel' | 'other';
export interface TransferItem { kind: TransferKind; id: string | null; bytes: number | null; after: 'neutered' | 'intact' | 'unknown' }

const NONE = {};
const brand = (getter: ((this: unknown) => unknown) | null, o: object): unknown => {
  if (!getter) return NONE;
  try {
    return N.apply(getter, o, []);
  } catch {
    return NONE;
  }
};

const ownData = (o: object, key: PropertyKey): unknown => {
  const d = N.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
};

/** The objects listed for transfer, or null when they cannot be read without running page code. */
export const readTransfer = (arg: unknown): object[] | null => {
  if (arg === undefined || arg === null) return [];
  if (typeof arg !== 'object') return null;
  let list: unknown = arg;
  if (!N.isArray(arg)) {
    const d = N.getOwnPropertyDescriptor(arg, 'transfer');
    if (!d) return N.getPrototypeOf(arg) === NP.ObjectPrototype ? [] : null;
    if (!('value' in d)) return null;
    list = d.value;
    if (list === undefined) return [];
    if (!N.isArray(list)) return null;
  }
  const len = ownData(list as object, 'length');
  if (typeof len !== 'number') return null;
  const out: object[] = [];
  const n = N.min(len, LIMITS.transfer);
  for (let i = 0; i < n; i++) {
    const v = ownData(list as object, i);
    if (typeof v === 'object' && v !== null) call(N.ArrayPush, out, v);
  }
  return out;
};

/** Probes whose value changes when the object is transferred (a detached ImageBitmap has width 0; a transferred stream is locked). */
const PROBES: [TransferKind, ((this: unknown) => unknown) | null, unknown][] = [
  ['imagebitmap', NP.ImageBitmapWidth, 0],
  ['offscreencanvas', NP.OffscreenCanvasWidth, 0],
  ['readablestream', NP.ReadableStreamLocked, true],
  ['writablestream', NP.WritableStreamLocked, true],
  ['transformstream', NP.TransformStreamReadable, NONE],
  ['videoframe', NP.VideoFrameTimestamp, NONE],
  ['audiodata', NP.AudioDataFormat, null],
  ['rtcdatachannel', NP.RTCDataChannelLabel, NONE],
];

export interface Described { item: TransferItem; probe: number }

/**
 * Kind, id and size of each object before the call; `knownPort` names ports already seen (checked
 * first: a failed brand check throws, which costs far more than a WeakMap lookup), `portId` names
 * any other port, `bufferId` buffers.
 */
export const describeBefore = (objects: object[], knownPort: (p: object) => string | null, portId: (p: object) => string, bufferId: (b: object) => string): Described[] => {
  const out: Described[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    const known = knownPort(o);
    if (known !== null) {
      call(N.ArrayPush, out, { item: { kind: 'port', id: known, bytes: null, after: 'unknown' }, probe: -1 });
      continue;
    }
    const bytes = brand(N.ArrayBufferByteLength, o);
    if (bytes !== NONE) {
      call(N.ArrayPush, out, { item: { kind: 'arraybuffer', id: bufferId(o), bytes: bytes as number, after: 'unknown' }, probe: -1 });
      continue;
    }
    if (brand(NP.MessagePortOnMessage, o) !== NONE) {
      call(N.ArrayPush, out, { item: { kind: 'port', id: portId(o), bytes: null, after: 'unknown' }, probe: -1 });
      continue;
    }
    let kind: TransferKind = 'other';
    let probe = -1;
    for (let p = 0; p < PROBES.length; p++) {
      if (brand(PROBES[p][1], o) !== NONE) {
        kind = PROBES[p][0];
        probe = p;
        break;
      }
    }
    call(N.ArrayPush, out, { item: { kind, id: null, bytes: null, after: 'unknown' }, probe });
  }
  return out;
};

/**
 * Fills in `after` once the call returned or threw. Buffers are observed (detached getter, else a
 * byteLength that fell to 0); ports by whether the call succeeded (a transferred port is always
 * neutered) or was already neutered; other kinds when their probe shows the transferred state.
 */
export const describeAfter = (objects: object[], described: Described[], succeeded: boolean, portWasNeutered: (p: object) => boolean): TransferItem[] => {
  const out: TransferItem[] = [];
  for (let i = 0; i < described.length; i++) {
    const { item, probe } = described[i];
    const o = objects[i];
    if (item.kind === 'arraybuffer') {
      const detached = N.ArrayBufferDetached ? brand(N.ArrayBufferDetached, o) === true : item.bytes! > 0 && brand(N.ArrayBufferByteLength, o) === 0;
      item.after = detached ? 'neutered' : N.ArrayBufferDetached || item.bytes! > 0 ? 'intact' : 'unknown';
    } else if (item.kind === 'port') {
      item.after = succeeded || portWasNeutered(o) ? 'neutered' : 'intact';
    } else if (probe >= 0 && PROBES[probe][2] !== NONE) {
      item.after = brand(PROBES[probe][1], o) === PROBES[probe][2] ? 'neutered' : 'intact';
    }
    call(N.ArrayPush, out, item);
  }
  return out;
};
