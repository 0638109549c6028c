import type { Channel } from './channel';
import type { ObjectIds } from './object-ids';

/** What every capture module receives from the hook's entry point. */
export interface HookContext {
  readonly channel: Channel;
  /** Ids for MessagePort objects (shared by window and port capture: ports travel in window messages). */
  readonly ports: ObjectIds;
  /** The window this hook instruments (null in workers). */
  readonly self: Window | null;
}
