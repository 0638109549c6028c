import { tagged, type Infer } from './schema';
import { windowRecordSchemas } from './records-window';
import { portRecordSchemas } from './records-port';
import { listenerRecordSchemas } from './records-listener';

/** Every record a hook can produce, keyed on `k`. */
export const hookRecordSchema = tagged('k', { ...windowRecordSchemas, ...portRecordSchemas, ...listenerRecordSchemas });
export type HookRecord = Infer<typeof hookRecordSchema>;
export type RecordKind = HookRecord['k'];
export type RecordOf<K extends RecordKind> = Extract<HookRecord, { k: K }>;
