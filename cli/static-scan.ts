import type { StaticSite } from '../panel/model/input';
import type { ScriptSource } from './script-sources';

// Static analysis of the collected scripts with the model's scanner (panel/model/static-sites.ts).
// The scanner is optional in this build: when it is absent the session simply has no staticSites
// and says so in its coverage notes.

type Scanner = (url: string, text: string) => StaticSite[];

const loadScanner = async (): Promise<Scanner | null> => {
  const name = 'static-sites';
  // A pattern import: esbuild bundles whichever panel/model modules match, and the import fails at
  // run time when this one is not part of the build.
  let mod: unknown = null;
  try {
    // The bundle's pattern import throws synchronously for a module it does not contain.
    mod = await import(`../panel/model/${name}.ts`);
  } catch {
    mod = null;
  }
  const scan = mod && typeof mod === 'object' ? (mod as { scanScript?: unknown }).scanScript : undefined;
  return typeof scan === 'function' ? (scan as Scanner) : null;
};

/** Moves a site found in an inline script's text to its place in the HTML document (CDP lines are 0-based, sites 1-based). */
export const placeSite = (site: StaticSite, src: Pick<ScriptSource, 'startLine' | 'startColumn'>): StaticSite => ({
  ...site,
  line: site.line + src.startLine,
  col: site.line === 1 ? site.col + src.startColumn : site.col,
});

/** Every static site in `sources`, or null when this build has no scanner. */
export const scanSources = async (sources: ScriptSource[]): Promise<StaticSite[] | null> => {
  const scan = await loadScanner();
  if (!scan) return null;
  return sources.flatMap((src) => {
    try {
      return scan(src.url, src.text).map((site) => placeSite(site, src));
    } catch {
      // A script the scanner cannot read is skipped, not fatal: the runtime records still stand.
      return [];
    }
  });
};
