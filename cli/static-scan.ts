import type { StaticSite } from '../panel/model/input';
import { scanScript } from '../panel/model/static-sites';
import type { ScriptSource } from './script-sources';

// Static analysis of the collected scripts with the model's scanner (panel/model/static-sites.ts).

/** Moves a site found in an inline script's text to its place in the HTML document (CDP lines are 0-based, sites 1-based). */
export const placeSite = (site: StaticSite, src: Pick<ScriptSource, 'startLine' | 'startColumn'>): StaticSite => ({
  ...site,
  line: site.line + src.startLine,
  col: site.line === 1 ? site.col + src.startColumn : site.col,
});

/** Every static site in `sources`, placed in the resources they come from. */
export const scanSources = (sources: ScriptSource[]): StaticSite[] =>
  sources.flatMap((src) => {
    try {
      return scanScript(src.url, src.text).map((site) => placeSite(site, src));
    } catch {
      // A script the scanner cannot read is skipped, not fatal: the runtime records still stand.
      return [];
    }
  });
