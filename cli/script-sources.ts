import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';

// Collects the source text of the page's scripts through the DevTools protocol, for static analysis.
// Debugger.enable reports every script already compiled in the target (Debugger.scriptParsed), and
// every later one, so attaching before navigation sees them all, including scripts of frames in the
// same process. Cross-site frames run in their own process (site isolation) and are attached as their
// targets appear. Nothing pauses: no breakpoints are set.

export interface ScriptSource {
  url: string;
  /** Where the script starts in its resource (inline scripts start inside the HTML document); 0-based. */
  startLine: number;
  startColumn: number;
  text: string;
}

interface Parsed {
  scriptId: string;
  url: string;
  startLine: number;
  startColumn: number;
}

/** Scripts that are not the page's own: extensions (ours included), puppeteer's evaluations, evals without a URL. */
const ignored = (url: string) => url === '' || /^(chrome-extension|chrome|devtools|pptr):/.test(url);

export interface ScriptCollector {
  /** Stops collecting and returns every page script still in memory, once each. */
  finish(): Promise<ScriptSource[]>;
}

export const collectScripts = async (browser: Browser, page: Page): Promise<ScriptCollector> => {
  const watched: { session: CDPSession; scripts: Parsed[] }[] = [];
  const attach = async (session: CDPSession) => {
    const entry = { session, scripts: [] as Parsed[] };
    watched.push(entry);
    session.on('Debugger.scriptParsed', (e) => {
      if (!ignored(e.url)) entry.scripts.push({ scriptId: e.scriptId, url: e.url, startLine: e.startLine, startColumn: e.startColumn });
    });
    await session.send('Debugger.enable').catch(() => undefined);
  };
  const onTarget = (t: Target) => {
    // Out-of-process iframes are 'other' targets, created before their URL is known (""); browser
    // UI targets are chrome:// ones. Workers are not analysed.
    if (t.type() === 'other' && !/^(chrome|chrome-extension|devtools):/.test(t.url())) void t.createCDPSession().then(attach, () => undefined);
  };
  browser.on('targetcreated', onTarget);
  await attach(await page.createCDPSession());
  return {
    async finish() {
      browser.off('targetcreated', onTarget);
      const seen = new Set<string>();
      const out: ScriptSource[] = [];
      for (const { session, scripts } of watched) {
        for (const s of scripts) {
          // A script may have been collected by now, or its frame may be gone: skip it.
          const got = await session.send('Debugger.getScriptSource', { scriptId: s.scriptId }).catch(() => null);
          if (!got) continue;
          const key = `${s.url}\n${s.startLine}\n${s.startColumn}\n${got.scriptSource}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ url: s.url, startLine: s.startLine, startColumn: s.startColumn, text: got.scriptSource });
        }
        await session.detach().catch(() => undefined);
      }
      return out;
    },
  };
};
