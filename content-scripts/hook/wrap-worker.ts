import { N, NP, call } from './natives';
import { replaceConstructor, replaceMethod } from './replace-native';
import { recordSend } from './record-send';
import { clipName, type Endpoint, type Endpoints } from './endpoints';
import type { HookContext } from './context';

// The page side of workers. Worker and SharedWorker constructors are replaced by Proxies (see
// replaceConstructor) to learn each worker and its script URL at creation; Worker and ServiceWorker
// postMessage are wrapped; messages from a dedicated worker, a shared worker's port and the service
// worker (navigator.serviceWorker) are recorded by the endpoints' receive listeners. Code inside a
// worker is not instrumented: content scripts do not run there (docs/coverage-ports.md).

type Fn = (...a: never[]) => unknown;

/** The script URL argument when it is a string or a URL (read by the native href getter); never calls the page's toString. */
const scriptName = (arg: unknown): string | null => {
  if (typeof arg === 'string') return clipName(arg);
  if (typeof arg !== 'object' || arg === null || !NP.URLHref) return null;
  try {
    return clipName(call<string>(NP.URLHref, arg));
  } catch {
    return null;
  }
};

export const wrapWorkers = (ctx: HookContext, eps: Endpoints): void => {
  replaceConstructor('Worker', NP.Worker, (w, args) => {
    eps.see(w, 'worker', 'worker', null, scriptName(args[0]));
  });
  replaceConstructor('SharedWorker', NP.SharedWorker, (sw, args) => {
    if (!NP.SharedWorkerPort) return;
    eps.see(call<object>(NP.SharedWorkerPort, sw), 'port', 'shared-worker', null, scriptName(args[0]));
  });

  const workerPost = NP.WorkerPostMessage;
  const swPost = NP.ServiceWorkerPostMessage;
  const wrappers = {
    postMessage(this: unknown) {
      const ep = typeof this === 'object' && this !== null ? eps.peek(this) : null;
      if (!ep) return N.apply(workerPost as Fn, this, arguments as unknown as unknown[]);
      return recordSend(ctx, eps, ep, workerPost as Fn, this, arguments, true);
    },
  };
  const swWrappers = {
    postMessage(this: unknown) {
      let ep: Endpoint | null = null;
      try {
        ep = serviceWorkerOf(eps, this);
      } catch {
        // Recording must never break the page.
      }
      if (!ep) return N.apply(swPost as Fn, this, arguments as unknown as unknown[]);
      return recordSend(ctx, eps, ep, swPost as Fn, this, arguments, true);
    },
  };
  if (workerPost && NP.Worker) replaceMethod(NP.Worker.prototype, 'postMessage', wrappers.postMessage as Fn);
  const swProto = (N.global as unknown as { ServiceWorker?: { prototype: object } }).ServiceWorker;
  if (swPost && swProto) replaceMethod(swProto.prototype, 'postMessage', swWrappers.postMessage as Fn);

  // Messages from service workers arrive on navigator.serviceWorker (absent in insecure contexts).
  if (NP.NavigatorServiceWorker && NP.navigator) {
    try {
      const container = call<object | null>(NP.NavigatorServiceWorker, NP.navigator);
      if (container) eps.see(container, 'service-worker', 'container', null, null);
    } catch {
      // Recording must never break the page.
    }
  }
};

/** A ServiceWorker object the page posts to, named by its script URL (native getter; throws for non-ServiceWorkers). */
const serviceWorkerOf = (eps: Endpoints, o: unknown): Endpoint | null => {
  if (typeof o !== 'object' || o === null || !NP.ServiceWorkerScriptURL) return null;
  const have = eps.peek(o);
  if (have) return have;
  let url: string;
  try {
    url = call<string>(NP.ServiceWorkerScriptURL, o);
  } catch {
    return null;
  }
  return eps.see(o, 'service-worker', 'service-worker', null, clipName(url));
};
