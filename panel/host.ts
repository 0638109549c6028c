// What the panel needs from DevTools, behind one interface: the real chrome.devtools APIs inside
// DevTools, and fewer abilities in a standalone window or a test page (the panel then hides the
// actions it cannot do instead of failing).

export type Theme = 'light' | 'dark';

export interface DevtoolsHost {
  theme: Theme;
  /** Follows DevTools' theme setting when it changes (Chrome 99+). */
  onThemeChange: ((fn: (theme: Theme) => void) => () => void) | null;
  /** Opens a script in the Sources panel at a 1-based line; null when not inside DevTools. */
  openResource: ((url: string, line: number, col: number) => void) | null;
  /** Evaluates an expression in the inspected page's top frame; null when not inside DevTools. */
  evalInPage: ((expression: string) => Promise<string | null>) | null;
  /** The inspected page's resources (scripts, documents) for static analysis; null when not inside DevTools. */
  resources: PageResources | null;
  /** Persisted panel settings. */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /**
   * Asks the user for the optional debugger permission deep mode needs (from a click: browsers only
   * show the prompt for a user gesture); true when granted. Null where the browser has no
   * chrome.debugger (Firefox) or outside the extension.
   */
  requestDebugger: (() => Promise<boolean>) | null;
}

const themeOf = (name: string): Theme => (name === 'dark' ? 'dark' : 'light');

export interface PageResource {
  url: string;
  type: string;
  content(): Promise<string | null>;
}

export interface PageResources {
  list(): Promise<PageResource[]>;
  onAdded(fn: (r: PageResource) => void): () => void;
}

type ChromeResource = chrome.devtools.inspectedWindow.Resource & { type?: string };

/** Largest document or script fetched when DevTools has no content for it. */
const FETCH_LIMIT = 5_000_000;

/**
 * DevTools returns no content for documents it did not keep (observed in Chromium 156 for every
 * document, while scripts have theirs). Those are read again from the network, without
 * credentials so that no user session is involved, and only for http(s) URLs.
 */
const refetch = async (url: string): Promise<string | null> => {
  if (!/^https?:/i.test(url)) return null;
  try {
    const res = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
    const text = res.ok ? await res.text() : null;
    return text !== null && text.length <= FETCH_LIMIT ? text : null;
  } catch {
    return null;
  }
};

const pageResource = (r: ChromeResource): PageResource => ({
  url: r.url,
  type: r.type ?? 'other',
  content: () =>
    new Promise<{ content: string | null; encoding: string }>((resolve) => r.getContent((content, encoding) => resolve({ content, encoding })))
      // Base64 content is binary (images, fonts): never script.
      .then(({ content, encoding }) => (encoding ? null : content === null ? refetch(r.url) : content)),
});

type DevtoolsApi = typeof chrome.devtools | undefined;

export const chromeHost = (devtools: DevtoolsApi, storage: Pick<Storage, 'getItem' | 'setItem'>, prefersDark: boolean): DevtoolsHost => {
  if (!devtools?.panels) return { theme: prefersDark ? 'dark' : 'light', onThemeChange: null, openResource: null, evalInPage: null, resources: null, storage, requestDebugger: debuggerRequest() };
  return {
    // themeName is 'default' or 'dark'.
    theme: themeOf(devtools.panels.themeName),
    onThemeChange: devtools.panels.setThemeChangeHandler
      ? (fn) => {
          devtools.panels.setThemeChangeHandler((t) => fn(themeOf(t)));
          return () => devtools.panels.setThemeChangeHandler();
        }
      : null,
    // openResource takes a 0-based line (and, since Chrome 114, a column) and opens it in Sources.
    openResource: typeof devtools.panels.openResource === 'function' ? (url, line, col) => devtools.panels.openResource(url, Math.max(0, line - 1), Math.max(0, col - 1), () => undefined) : null,
    evalInPage: (expression) =>
      new Promise((resolve) => {
        devtools.inspectedWindow.eval(expression, (_result, error) => resolve(error ? (error.value ? String(error.value) : error.description ?? 'failed') : null));
      }),
    resources: {
      list: () => new Promise((resolve) => devtools.inspectedWindow.getResources((rs) => resolve(rs.map(pageResource)))),
      onAdded: (fn) => {
        const listener = (r: ChromeResource) => fn(pageResource(r));
        devtools.inspectedWindow.onResourceAdded.addListener(listener);
        return () => devtools.inspectedWindow.onResourceAdded.removeListener(listener);
      },
    },
    storage,
    requestDebugger: debuggerRequest(),
  };
};

/** Deep mode is offered only where the manifest lists the debugger permission (the Chrome build). */
const debuggerRequest = (): DevtoolsHost['requestDebugger'] => {
  const manifest = typeof chrome !== 'undefined' && chrome.runtime?.getManifest ? chrome.runtime.getManifest() : null;
  const listed = [...(manifest?.permissions ?? []), ...(manifest?.optional_permissions ?? [])].includes('debugger');
  return listed ? () => chrome.permissions.request({ permissions: ['debugger'] }) : null;
};
