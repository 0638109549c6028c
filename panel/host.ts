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
  /** Persisted panel settings. */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

const themeOf = (name: string): Theme => (name === 'dark' ? 'dark' : 'light');

type DevtoolsApi = typeof chrome.devtools | undefined;

export const chromeHost = (devtools: DevtoolsApi, storage: Pick<Storage, 'getItem' | 'setItem'>, prefersDark: boolean): DevtoolsHost => {
  if (!devtools?.panels) return { theme: prefersDark ? 'dark' : 'light', onThemeChange: null, openResource: null, evalInPage: null, storage };
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
    storage,
  };
};
