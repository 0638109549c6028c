import { N, call } from './natives';
import { pathOfSelf } from './window-ref';
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

export const announceFrame = (ctx: HookContext): void => {
  const self = ctx.self;
  if (!self) return;
  const href = N.String(N.location.href);
  const origin = N.String((self as unknown as { origin: string }).origin);
  ctx.channel.emit({
    k: 'frame',
    key: ctx.channel.key,
    url: call<string>(N.StringSlice, href, 0, 2048),
    origin: call<string>(N.StringSlice, origin, 0, 2048),
    path: pathOfSelf(self),
    flavor: flavorOf(href, origin),
    hasOpener: N.WindowOpener ? call(N.WindowOpener, self) !== null : false,
    dropped: ctx.channel.dropped(),
    title: null,
  });
};
