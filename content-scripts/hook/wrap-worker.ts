import { N, NP, call } from './natives';
import { replaceConstructor, replaceMethod } from './replace-native';
import { sendWrapper } from './record-send';
import { clipName, peekObject, type Endpoint, type Endpoints } from './endpoints';
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
  if (workerPost && NP.Worker) replaceMethod(NP.Worker.prototype, 'postMessage', sendWrapper(ctx, eps, workerPost as Fn, (self) => peekObject(eps, self), true));
  const swProto = (N.global as unknown as { ServiceWorker?: { prototype: object } }).ServiceWorker;
  if (swPost && swProto) replaceMethod(swProto.prototype, 'postMessage', sendWrapper(ctx, eps, swPost as Fn, (self) => serviceWorkerOf(eps, self), true));

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
