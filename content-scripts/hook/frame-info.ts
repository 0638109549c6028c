import { N, call } from './natives';
import { isTop, pathOfSelf, whenPathFound } from './window-ref';
import type { HookContext } from './context';

// Announces this document to the background: URL, origin, position in the frame tree and the kind
// of document (about:blank, srcdoc, data:, blob:, opaque-origin sandboxes).

type Flavor = 'normal' | 'about-blank' | 'srcdoc' | 'data' | 'blob' | 'opaque' | 'other';

const prefix = (s: string, p: string) => call<string>(N.StringSlice, s, 0, p.length) === p;

export const flavorOf = (href: string, origin: string): Flavor => {
  if (href === 'about:blank' || prefix(href, 'about:blank#') || prefix(href, 'about:blank?')) return 'about-blank';
  if (href === 'about:srcdoc') return 'srcdoc';
  if (prefix(href, 'data:')) return 'data';
  if (prefix(href, 'blob:')) return 'blob';
  if (origin === 'null') return 'opaque';
  if (prefix(href, 'http:') || prefix(href, 'https:') || prefix(href, 'file:')) return 'normal';
  return 'other';
};

/**
 * A frame's place in the tree is found by scanning its parent's children (window-ref.ts), which at
 * document_start was half of the hook's time in a page of 20 iframes (profile: `childAt`, 20 of
 * 45 ms for 11 frames) and delayed the frame's first script. So a frame announces itself at once
 * with its path unknown, and again with its path once it has loaded or a message needed it (the
 * background updates the frame, matched by its key); the top window's path is [] and is known at
 * once. Not at DOMContentLoaded: siblings are often still being created then, and the scan cost as
 * much as at document_start. A document that never loads nor messages keeps its path unknown, and
 * is shown so.
 */
export const announceFrame = (ctx: HookContext): void => {
  const self = ctx.self;
  if (!self) return;
  const href = N.String(N.location.href);
  const origin = N.String((self as unknown as { origin: string }).origin);
  const announce = (path: number[] | null) => ctx.channel.emit({
    k: 'frame',
    key: ctx.channel.key,
    url: call<string>(N.StringSlice, href, 0, 2048),
    origin: call<string>(N.StringSlice, origin, 0, 2048),
    path,
    flavor: flavorOf(href, origin),
    hasOpener: N.WindowOpener ? call(N.WindowOpener, self) !== null : false,
    dropped: ctx.channel.dropped(),
    title: null,
  });
  if (isTop(self)) {
    announce([]);
    return;
  }
  announce(null);
  let known: number[] | null = null;
  // Announced once known: at load, or sooner when a message needed it (and again if the frame
  // moved in its parent's list since).
  whenPathFound((path) => {
    if (known !== null && samePath(known, path)) return;
    known = path;
    try {
      announce(path);
    } catch {
      // Recording must never break the page.
    }
  });
  const onLoad = () => {
    call(N.removeEventListener, self, 'load', onLoad, true);
    try {
      if (known === null) pathOfSelf(self);
    } catch {
      // Recording must never break the page.
    }
  };
  call(N.addEventListener, self, 'load', onLoad, true);
};

const samePath = (a: number[], b: number[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
