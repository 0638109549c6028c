// Background: validates and routes records per tab. It keeps nothing it cannot lose: history lives
// in extension storage (survives a stopped service worker), and bridges resend until a batch is
// acknowledged, which happens only once it is written.
import browser, { type Runtime } from 'webextension-polyfill';
import { backgroundToPanelSchema, bridgeToBackgroundSchema, decodeBatch, hookBatchSchema, panelToBackgroundSchema, previewNodeCount, validate, LIMITS, PROTOCOL_VERSION, type BackgroundToPanel, type BatchAck, type Entry, type HookRecord, type HookToBridge } from '../protocol';
import { HistoryStore, type KV } from './history-store';
import { committed, hookAnnounced, reconcile } from './frame-registry';
import { isDeep, listenDeep, setDeep } from './deep-mode';

/**
 * History lives in local storage (see history-store.ts) but means one browser session. Session
 * storage is empty exactly when the browser (or the extension) started anew: then what a previous
 * session, a crash or an update left behind is wiped, before the first record is read or written.
 */
const ready = (async () => {
  if ((await browser.storage.session.get('alive')).alive === true) return;
  const all = await browser.storage.local.get(null);
  const stale = Object.keys(all).filter((k) => k.startsWith('tab:'));
  if (stale.length) await browser.storage.local.remove(stale);
  await browser.storage.session.set({ alive: true });
})();

const kv: KV = {
  get: (keys) => ready.then(() => browser.storage.local.get(keys)),
  set: (items) => ready.then(() => browser.storage.local.set(items)),
  remove: (keys) => ready.then(() => browser.storage.local.remove(keys)),
};
const store = new HistoryStore(kv);
// The tests, the CLI and the benchmark read a tab's history inside this worker (through the
// DevTools protocol) with the store's own reader, so none of them depends on how it is stored.
(globalThis as { postscopeHistory?: HistoryStore['read'] }).postscopeHistory = (tabId, withEntries) => store.read(tabId, withEntries);
const panels = new Map<number, Set<Runtime.Port>>();

const send = (port: Runtime.Port, msg: BackgroundToPanel) => {
  try {
    port.postMessage(msg);
  } catch {
    // The panel went away; its disconnect handler cleans up.
  }
};
const broadcast = (tabId: number, msg: BackgroundToPanel) => {
  for (const port of panels.get(tabId) ?? []) send(port, msg);
};

/** Preview trees are bounded by the schema per level; this bounds their total size too. */
const withinBudget = (r: HookRecord): boolean => {
  const data = 'data' in r ? r.data : null;
  return !data || previewNodeCount(data) <= LIMITS.previewNodes + 8;
};

const onBatch = async (message: unknown, sender: Runtime.MessageSender): Promise<BatchAck> => {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== browser.runtime.id) return { ok: false, error: 'no tab' };
  const result = validate(bridgeToBackgroundSchema, message);
  if (!result.ok) {
    await store.append(tabId, 'invalid', [], 1);
    return { ok: false, error: result.error };
  }
  const frameId = sender.frameId ?? 0;
  const doc = (sender as { documentId?: string }).documentId ?? null;
  let malformed = result.value.malformed;
  // One document's hook sends all its batches under one key: grouped, they cost one storage write.
  const byKey = new Map<string, Entry[]>();
  for (const text of result.value.batches) {
    const batch = parseHookBatch(text);
    if (!batch) {
      malformed++;
      continue;
    }
    const good = batch.records.filter(withinBudget);
    malformed += batch.records.length - good.length;
    const list = byKey.get(batch.frame) ?? [];
    for (const rec of good) list.push({ frameId, doc, key: batch.frame, rec });
    byKey.set(batch.frame, list);
  }
  let stored = 0;
  for (const [key, entries] of byKey) {
    const fresh = await store.append(tabId, key, entries, malformed);
    malformed = 0;
    stored += fresh.length;
    await announced(tabId, frameId, fresh);
    // The panel takes at most LIMITS.batchRecords entries per message.
    for (let i = 0; i < fresh.length; i += LIMITS.batchRecords) broadcast(tabId, { v: PROTOCOL_VERSION, type: 'entries', tabId, entries: fresh.slice(i, i + LIMITS.batchRecords) });
  }
  if (malformed) await store.append(tabId, 'invalid', [], malformed);
  return { ok: true, stored };
};

/** One hook batch from its JSON text, or null when it is not valid JSON or not a valid batch. */
const parseHookBatch = (text: string): HookToBridge | null => {
  try {
    const batch: unknown = JSON.parse(text);
    decodeBatch(batch);
    const result = validate(hookBatchSchema, batch);
    return result.ok ? result.value : null;
  } catch {
    return null;
  }
};

/** A frame's hook announced itself: update the frame registry and tell the panels. */
const announced = async (tabId: number, frameId: number, fresh: Entry[]) => {
  const announce = fresh.find((e) => e.rec.k === 'frame');
  if (!announce || announce.rec.k !== 'frame') return;
  const rec = announce.rec;
  const parent = await parentOf(tabId, frameId);
  const frames = await store.setFrames(tabId, (f) => hookAnnounced(f, frameId, parent, rec));
  broadcast(tabId, { v: PROTOCOL_VERSION, type: 'frames', tabId, frames });
};

const parentOf = async (tabId: number, frameId: number): Promise<number | null> => {
  if (frameId === 0) return -1;
  try {
    const f = await browser.webNavigation.getFrame({ tabId, frameId });
    return f ? f.parentFrameId : null;
  } catch {
    return null;
  }
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'batch') return undefined;
  return onBatch(message, sender).catch((e: unknown) => ({ ok: false, error: String(e) }) as BatchAck);
});

const subscribe = async (port: Runtime.Port, tabId: number) => {
  let set = panels.get(tabId);
  if (!set) panels.set(tabId, (set = new Set()));
  set.add(port);
  try {
    const all = await browser.webNavigation.getAllFrames({ tabId });
    if (all) await store.setFrames(tabId, (f) => reconcile(f, new Set(all.map((x) => x.frameId))));
  } catch {
    // The tab may be gone or not navigable; keep what we know.
  }
  const { entries, frames, stats } = await store.read(tabId);
  const history: BackgroundToPanel = { v: PROTOCOL_VERSION, type: 'history', tabId, entries, frames, stats };
  if (validate(backgroundToPanelSchema, history).ok) send(port, history);
  send(port, { v: PROTOCOL_VERSION, type: 'deep', tabId, on: await isDeep(tabId).catch(() => false), error: null });
};

const deepDeps = { store, broadcast };
listenDeep(deepDeps);

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== 'postscope-panel' || port.sender?.id !== browser.runtime.id) return;
  port.onMessage.addListener((message: unknown) => {
    const result = validate(panelToBackgroundSchema, message);
    if (!result.ok) return;
    const msg = result.value;
    if (msg.type === 'subscribe') void subscribe(port, msg.tabId);
    else if (msg.type === 'deep') void setDeep(deepDeps, msg.tabId, msg.on);
    else if (msg.type === 'clear') void store.clear(msg.tabId).then(() => broadcast(msg.tabId, { v: PROTOCOL_VERSION, type: 'stats', tabId: msg.tabId, stats: { malformed: 0, evicted: 0, stored: 0 } }));
  });
  port.onDisconnect.addListener(() => {
    for (const set of panels.values()) set.delete(port);
  });
});

browser.webNavigation.onCommitted.addListener((d) => {
  if (d.tabId < 0) return;
  const parentFrameId = (d as { parentFrameId?: number }).parentFrameId ?? (d.frameId === 0 ? -1 : -1);
  void store.setFrames(d.tabId, (f) => committed(f, { frameId: d.frameId, parentFrameId, url: d.url })).then((frames) => {
    broadcast(d.tabId, { v: PROTOCOL_VERSION, type: 'frames', tabId: d.tabId, frames });
    if (d.frameId === 0) broadcast(d.tabId, { v: PROTOCOL_VERSION, type: 'navigated', tabId: d.tabId, url: d.url });
  });
});

browser.tabs.onRemoved.addListener((tabId) => void store.forget(tabId));
