import { N, NP, call } from './natives';
import { LIMITS } from '../../extension/protocol/limits';

// Describes an exception the page is about to receive, without running page code: DOMException
// name and message through the brand-checking natives, other errors through data properties only
// (a page-defined getter on an error is never called).

export interface ErrorInfo { name: string; message: string }

const brand = (getter: ((this: unknown) => unknown) | null, o: unknown): unknown => {
  if (!getter) return undefined;
  try {
    return N.apply(getter, o, []);
  } catch {
    return undefined;
  }
};

const dataValue = (o: object, key: string): unknown => {
  for (let cur: object | null = o, hops = 0; cur && hops < 32; cur = N.getPrototypeOf(cur), hops++) {
    const d = N.getOwnPropertyDescriptor(cur, key);
    if (d) return 'value' in d ? d.value : undefined;
  }
  return undefined;
};

const text = (v: unknown, max: number): string => (typeof v === 'string' ? call<string>(N.StringSlice, v, 0, max) : '');

export const errorInfo = (e: unknown): ErrorInfo => {
  if (typeof e !== 'object' || e === null) return { name: typeof e, message: '' };
  const domName = brand(NP.DOMExceptionName, e);
  if (typeof domName === 'string') return { name: text(domName, 128), message: text(brand(NP.DOMExceptionMessage, e), LIMITS.text) };
  return { name: text(dataValue(e, 'name'), 128), message: text(dataValue(e, 'message'), LIMITS.text) };
};
