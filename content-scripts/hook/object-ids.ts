import { N, call } from './natives';

// Stable ids for page objects (ports, workers, channels), held weakly: the id map never keeps an
// object alive.

export interface ObjectIds {
  /** The id of `o`, assigned on first sight. */
  idOf(o: object): string;
  /** The id of `o` if it was seen before. */
  peek(o: object): string | null;
}

export const objectIds = (frameKey: string, prefix: string): ObjectIds => {
  const ids = new N.WeakMap<object, string>();
  let next = 0;
  return {
    idOf(o) {
      let id = call<string | undefined>(N.WeakMapGet, ids, o);
      if (id === undefined) {
        id = prefix + frameKey + '.' + next++;
        call(N.WeakMapSet, ids, o, id);
      }
      return id;
    },
    peek(o) {
      return call<string | undefined>(N.WeakMapGet, ids, o) ?? null;
    },
  };
};
