import type { StaticSite } from './input';
import { scanScript } from './static-sites';

// Which of the inspected page's resources hold script, and their text as the static scanner should
// see it. In an HTML document only the inline <script> bodies are code: everything else is blanked
// (newlines kept), so quotes in prose are not taken for strings and lines and columns still match
// the document for Sources.

const INLINE_SCRIPT = /(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>)/gi;

export const inlineScriptsOnly = (html: string): string => {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = '';
  let last = 0;
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const bodyStart = m.index + m[1].length;
    out += blank(html.slice(last, bodyStart)) + m[2];
    last = bodyStart + m[2].length;
  }
  return out + blank(html.slice(last));
};

export type ResourceType = 'script' | 'document' | string;

/** Static postMessage sites and listeners in one resource; other resource types hold none. */
export const scanResource = (url: string, type: ResourceType, content: string): StaticSite[] => {
  if (type === 'script') return scanScript(url, content);
  if (type === 'document') return scanScript(url, inlineScriptsOnly(content));
  return [];
};
