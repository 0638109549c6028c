import { PROTOCOL_VERSION, type BackgroundToPanel, type Entry } from '../protocol';
import type { HistoryStore } from './history-store';
import { dropRecord, type LogEntry } from './drop-warning';

// Deep mode (opt-in, Chromium only): attaches chrome.debugger to the inspected tab and its
// out-of-process frames, and turns the browser's own targetOrigin-mismatch warnings into window-send
// records with the targetOrigin, the recipient's origin and the sender's call site, facts no page
// script can observe (see docs/coverage.md). The debugger keeps the service worker alive while
// attached, and its sessions survive a worker restart: listeners are registered at top level.

const KEY = 'debugger';
const VERSION = '1.3';

export interface DeepDeps {
  store: HistoryStore;
  broadcast(tabId: number, msg: BackgroundToPanel): void;
}

/** Seqs for debugger records: increasing across worker restarts, so history dedup keeps them all. */
let nextSeq = Date.now() * 1000;

const api = (): typeof chrome.debugger | undefined => (typeof chrome !== 'undefined' ? chrome.debugger : undefined);

const state = (tabId: number, on: boolean, error: string | null): BackgroundToPanel => ({ v: PROTOCOL_VERSION, type: 'deep', tabId, on, error: error ? error.slice(0, 2000) : null });

/** Log and auto-attach in one protocol session (the tab's, or a child frame's). */
const instrument = async (session: chrome.debugger.DebuggerSession) => {
  const dbg = api()!;
  await dbg.sendCommand(session, 'Log.enable');
  await dbg.sendCommand(session, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
};

/**
 * Tabs Postscope attached to, in session storage: a restarted worker must still know (the
 * debugger's own target list cannot tell Postscope's session from DevTools' own).
 */
const flag = (tabId: number) => `deep:${tabId}`;
const attachedByUs = {
  has: async (tabId: number) => (await chrome.storage.session.get(flag(tabId)))[flag(tabId)] === true,
  add: (tabId: number) => chrome.storage.session.set({ [flag(tabId)]: true }),
  delete: (tabId: number) => chrome.storage.session.remove(flag(tabId)),
};

export const isDeep = (tabId: number): Promise<boolean> => (api() ? attachedByUs.has(tabId) : Promise.resolve(false));

export const setDeep = async (deps: DeepDeps, tabId: number, on: boolean): Promise<void> => {
  const dbg = api();
  if (!dbg) {
    deps.broadcast(tabId, state(tabId, false, 'Deep mode needs chrome.debugger, which this browser does not offer.'));
    return;
  }
  try {
    if (on) {
      if (!(await attachedByUs.has(tabId))) {
        await dbg.attach({ tabId }, VERSION);
        await attachedByUs.add(tabId);
      }
      await instrument({ tabId });
    } else if (await attachedByUs.has(tabId)) {
      await attachedByUs.delete(tabId);
      await dbg.detach({ tabId });
    }
    deps.broadcast(tabId, state(tabId, on, null));
  } catch (e) {
    deps.broadcast(tabId, state(tabId, false, String(e instanceof Error ? e.message : e)));
  }
};

export const listenDeep = (deps: DeepDeps): void => {
  const dbg = api();
  if (!dbg) return;
  dbg.onEvent.addListener((source, method, params) => {
    const tabId = source.tabId;
    if (tabId === undefined) return;
    if (method === 'Target.attachedToTarget') {
      const sessionId = (params as { sessionId?: unknown }).sessionId;
      if (typeof sessionId === 'string') void instrument({ tabId, sessionId }).catch(() => undefined);
      return;
    }
    if (method !== 'Log.entryAdded') return;
    const entry = (params as { entry?: LogEntry }).entry;
    if (!entry || typeof entry.text !== 'string' || typeof entry.source !== 'string') return;
    const seq = nextSeq++;
    const rec = dropRecord(entry, seq, `${KEY}:${seq}`);
    if (!rec) return;
    const stored: Entry = { frameId: -1, doc: null, key: KEY, rec };
    void deps.store.append(tabId, KEY, [stored], 0).then((fresh) => {
      if (fresh.length) deps.broadcast(tabId, { v: PROTOCOL_VERSION, type: 'entries', tabId, entries: fresh });
    });
  });
  dbg.onDetach.addListener((source, reason) => {
    if (source.tabId === undefined) return;
    void attachedByUs.delete(source.tabId);
    deps.broadcast(source.tabId, state(source.tabId, false, reason === 'canceled_by_user' ? 'Detached: the debugging bar was closed.' : null));
  });
};
