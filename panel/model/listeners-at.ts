import type { Entry, RecordOf } from '../../extension/protocol';

/**
 * The message listeners registered on `target` in the document `key` at time `t`, from the
 * listener records: added at or before `t` and not removed by then.
 */
export const listenersAt = (entries: Entry[], key: string, target: string, t: number): { entry: Entry; rec: RecordOf<'listener-add'> }[] => {
  const added = new Map<string, { entry: Entry; rec: RecordOf<'listener-add'> }>();
  for (const e of entries) {
    if (e.key !== key || e.rec.t > t) continue;
    const r = e.rec;
    if (r.k === 'listener-add' && r.target === target && r.type === 'message') added.set(r.listener, { entry: e, rec: r });
    else if (r.k === 'listener-remove') added.delete(r.listener);
  }
  return [...added.values()];
};
