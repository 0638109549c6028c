// Every built-in the hook uses, captured before any page script runs (this module is evaluated
// first, at document_start). Later code never reads a page-patchable global: a page that replaces
// JSON.stringify, WeakMap or EventTarget.prototype.dispatchEvent cannot see or steer the hook.

const g = globalThis;
const O = Object;
const R = Reflect;

const getter = (proto: object, key: PropertyKey): ((this: unknown) => unknown) => {
  const d = O.getOwnPropertyDescriptor(proto, key);
  if (!d || !d.get) throw new TypeError('postscope: no getter ' + String(key));
  return d.get as (this: unknown) => unknown;
};
const optGetter = (proto: object | undefined, key: PropertyKey) => {
  const d = proto ? O.getOwnPropertyDescriptor(proto, key) : undefined;
  return d && d.get ? (d.get as (this: unknown) => unknown) : null;
};

/** Window attributes are own accessors of the global (it is a [Global] interface); null in workers. */
function ownGetter(o: object, key: string) {
  const d = O.getOwnPropertyDescriptor(o, key);
  return d && d.get ? (d.get as (this: unknown) => unknown) : null;
}

export const N = {
  global: g,
  apply: R.apply,
  construct: R.construct,
  defineProperty: O.defineProperty,
  getOwnPropertyDescriptor: O.getOwnPropertyDescriptor,
  getPrototypeOf: O.getPrototypeOf,
  ownKeys: R.ownKeys,
  create: O.create,
  deleteProperty: R.deleteProperty,
  RegExpExec: RegExp.prototype.exec,
  freeze: O.freeze,
  isArray: Array.isArray,
  hasOwn: O.prototype.hasOwnProperty,
  objectToString: O.prototype.toString,
  stringify: JSON.stringify,
  String,
  StringSlice: String.prototype.slice,
  StringIndexOf: String.prototype.indexOf,
  StringSplit: String.prototype.split,
  StringReplace: String.prototype.replace,
  NumberToString: Number.prototype.toString,
  ObjectIs: O.is,
  ArrayPush: Array.prototype.push,
  ArraySplice: Array.prototype.splice,
  ArrayJoin: Array.prototype.join,
  Map,
  MapGet: Map.prototype.get,
  MapSet: Map.prototype.set,
  MapDelete: Map.prototype.delete,
  MapForEach: Map.prototype.forEach,
  MapSize: getter(Map.prototype, 'size'),
  SetAdd: Set.prototype.add,
  SetHas: Set.prototype.has,
  SetForEach: Set.prototype.forEach,
  SetSize: getter(Set.prototype, 'size'),
  Set,
  WeakMap,
  WeakMapGet: WeakMap.prototype.get,
  WeakMapSet: WeakMap.prototype.set,
  WeakMapHas: WeakMap.prototype.has,
  WeakMapDelete: WeakMap.prototype.delete,
  WeakSetAdd: WeakSet.prototype.add,
  WeakSetHas: WeakSet.prototype.has,
  WeakSet,
  WeakRef: g.WeakRef,
  WeakRefDeref: g.WeakRef ? g.WeakRef.prototype.deref : null,
  FinalizationRegistry: g.FinalizationRegistry,
  FinalizationRegister: g.FinalizationRegistry ? g.FinalizationRegistry.prototype.register : null,
  Error,
  ErrorCaptureStackTrace: (Error as { captureStackTrace?: (o: object) => void }).captureStackTrace ?? null,
  DateGetTime: Date.prototype.getTime,
  DateToISOString: Date.prototype.toISOString,
  RegExpToString: RegExp.prototype.toString,
  RegExpSource: getter(RegExp.prototype, 'source'),
  ArrayBufferByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
  ArrayBufferDetached: optGetter(ArrayBuffer.prototype, 'detached'),
  SharedArrayBufferByteLength: typeof SharedArrayBuffer === 'function' ? getter(SharedArrayBuffer.prototype, 'byteLength') : null,
  TypedArrayLength: getter(O.getPrototypeOf(Uint8Array.prototype), 'length'),
  TypedArrayByteLength: getter(O.getPrototypeOf(Uint8Array.prototype), 'byteLength'),
  TypedArrayTag: getter(O.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag),
  DataViewByteLength: getter(DataView.prototype, 'byteLength'),
  BlobSize: getter(Blob.prototype, 'size'),
  BlobType: getter(Blob.prototype, 'type'),
  FileName: typeof File === 'function' ? getter(File.prototype, 'name') : null,
  FileLastModified: typeof File === 'function' ? getter(File.prototype, 'lastModified') : null,
  FunctionToString: Function.prototype.toString,
  SymbolToString: Symbol.prototype.toString,
  BigIntToString: BigInt.prototype.toString,
  now: performance.now.bind(performance),
  timeOrigin: performance.timeOrigin,
  queueMicrotask: g.queueMicrotask.bind(g),
  setTimeout: g.setTimeout.bind(g),
  // DOM
  document: g.document as Document | undefined,
  addEventListener: EventTarget.prototype.addEventListener,
  removeEventListener: EventTarget.prototype.removeEventListener,
  dispatchEvent: EventTarget.prototype.dispatchEvent,
  CustomEvent: g.CustomEvent,
  MouseEvent: g.MouseEvent,
  CustomEventDetail: g.CustomEvent ? getter(CustomEvent.prototype, 'detail') : null,
  MouseEventRelatedTarget: g.MouseEvent ? getter(MouseEvent.prototype, 'relatedTarget') : null,
  EventType: getter(Event.prototype, 'type'),
  EventStopImmediatePropagation: Event.prototype.stopImmediatePropagation,
  EventPreventDefault: Event.prototype.preventDefault,
  MessageEventData: getter(MessageEvent.prototype, 'data'),
  MessageEventOrigin: getter(MessageEvent.prototype, 'origin'),
  MessageEventSource: getter(MessageEvent.prototype, 'source'),
  MessageEventPorts: getter(MessageEvent.prototype, 'ports'),
  createElement: g.document ? Document.prototype.createElement : null,
  // Window navigation of the frame tree: all legal on cross-origin WindowProxies.
  window: g.window as Window | undefined,
  location: g.location,
  random: Math.random,
  floor: Math.floor,
  min: Math.min,
  WindowParent: ownGetter(g, 'parent'),
  WindowTop: ownGetter(g, 'top'),
  WindowOpener: ownGetter(g, 'opener'),
  WindowFrames: ownGetter(g, 'frames'),
  WindowLength: ownGetter(g, 'length'),
  // Listener instrumentation (issue 4): constructors for target kinds, the signal's state, and the
  // prototypes whose methods origin tracing swaps while a listener runs.
  MessagePort: g.MessagePort as typeof MessagePort | undefined,
  Worker: g.Worker as typeof Worker | undefined,
  BroadcastChannel: g.BroadcastChannel as typeof BroadcastChannel | undefined,
  ServiceWorkerContainer: (g as { ServiceWorkerContainer?: typeof ServiceWorkerContainer }).ServiceWorkerContainer,
  Window: g.Window as typeof Window | undefined,
  AbortSignalAborted: g.AbortSignal ? optGetter(AbortSignal.prototype, 'aborted') : null,
  MessageEventProto: MessageEvent.prototype,
  StringProto: String.prototype,
  RegExpProto: RegExp.prototype,
  ArrayProto: Array.prototype,
  SetProto: Set.prototype,
  MapProto: Map.prototype,
  URLProto: g.URL ? g.URL.prototype : undefined,
  URLHref: g.URL ? optGetter(g.URL.prototype, 'href') : null,
  RegExpFlags: getter(RegExp.prototype, 'flags'),
  MapHas: Map.prototype.has,
  keys: O.keys,
  EventTargetProto: EventTarget.prototype,
  HTMLBodyElement: g.HTMLBodyElement as typeof HTMLBodyElement | undefined,
  HTMLFrameSetElement: g.HTMLFrameSetElement as typeof HTMLFrameSetElement | undefined,
};

/** `event.isTrusted` is an own, unforgeable accessor of each event; capture its getter from a sample. */
export const EventIsTrusted: (this: Event) => boolean = (() => {
  const d = O.getOwnPropertyDescriptor(new Event('x'), 'isTrusted');
  return (d && d.get ? d.get : function (this: Event) { return true; }) as (this: Event) => boolean;
})();

/** Calls a captured function with an explicit receiver. */
export const call = <T>(fn: (...a: never[]) => unknown, self: unknown, ...args: unknown[]): T => N.apply(fn as (...a: unknown[]) => unknown, self, args) as T;

/**
 * Channel messaging natives (issue 3): the originals of everything the port, worker and broadcast
 * wrappers replace or read, captured before any page script. Null where the realm lacks the API
 * (SharedWorker on Android, serviceWorker in insecure contexts).
 */
const proto = (name: string): object | null => {
  const c = (g as unknown as Record<string, unknown>)[name];
  return typeof c === 'function' ? (c as { prototype: object }).prototype : null;
};
const method = (p: object | null, key: string) => {
  const d = p ? O.getOwnPropertyDescriptor(p, key) : undefined;
  return d && typeof d.value === 'function' ? (d.value as (...a: never[]) => unknown) : null;
};
export const NP = {
  Proxy,
  MessageChannel: g.MessageChannel as typeof MessageChannel | undefined,
  MessagePort: g.MessagePort as typeof MessagePort | undefined,
  MessageChannelPort1: optGetter(proto('MessageChannel') ?? undefined, 'port1'),
  MessageChannelPort2: optGetter(proto('MessageChannel') ?? undefined, 'port2'),
  MessagePortPostMessage: method(proto('MessagePort'), 'postMessage'),
  MessagePortStart: method(proto('MessagePort'), 'start'),
  MessagePortClose: method(proto('MessagePort'), 'close'),
  Worker: g.Worker as typeof Worker | undefined,
  WorkerPostMessage: method(proto('Worker'), 'postMessage'),
  SharedWorker: (g as unknown as { SharedWorker?: typeof SharedWorker }).SharedWorker,
  SharedWorkerPort: optGetter(proto('SharedWorker') ?? undefined, 'port'),
  ServiceWorkerPostMessage: method(proto('ServiceWorker'), 'postMessage'),
  ServiceWorkerScriptURL: optGetter(proto('ServiceWorker') ?? undefined, 'scriptURL'),
  NavigatorServiceWorker: optGetter(proto('Navigator') ?? undefined, 'serviceWorker'),
  BroadcastChannel: g.BroadcastChannel as typeof BroadcastChannel | undefined,
  BroadcastChannelPostMessage: method(proto('BroadcastChannel'), 'postMessage'),
  BroadcastChannelClose: method(proto('BroadcastChannel'), 'close'),
  BroadcastChannelName: optGetter(proto('BroadcastChannel') ?? undefined, 'name'),
  ObjectPrototype: O.prototype,
  MessagePortOnMessage: optGetter(proto('MessagePort') ?? undefined, 'onmessage'),
  EventCurrentTarget: getter(Event.prototype, 'currentTarget'),
  navigator: g.navigator as Navigator | undefined,
  URLHref: optGetter(proto('URL') ?? undefined, 'href'),
  DOMExceptionName: optGetter(proto('DOMException') ?? undefined, 'name'),
  DOMExceptionMessage: optGetter(proto('DOMException') ?? undefined, 'message'),
  ImageBitmapWidth: optGetter(proto('ImageBitmap') ?? undefined, 'width'),
  OffscreenCanvasWidth: optGetter(proto('OffscreenCanvas') ?? undefined, 'width'),
  ReadableStreamLocked: optGetter(proto('ReadableStream') ?? undefined, 'locked'),
  WritableStreamLocked: optGetter(proto('WritableStream') ?? undefined, 'locked'),
  TransformStreamReadable: optGetter(proto('TransformStream') ?? undefined, 'readable'),
  VideoFrameTimestamp: optGetter(proto('VideoFrame') ?? undefined, 'timestamp'),
  AudioDataFormat: optGetter(proto('AudioData') ?? undefined, 'format'),
  RTCDataChannelLabel: optGetter(proto('RTCDataChannel') ?? undefined, 'label'),
};
