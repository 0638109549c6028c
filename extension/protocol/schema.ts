// A tiny schema language: one declaration gives both the TypeScript type (Infer) and the runtime
// guard used at every boundary, so the two can never drift apart.

export type Schema<T> = { readonly check: (value: unknown, path: string) => string | null; readonly _t?: T };
export type Infer<S> = S extends Schema<infer T> ? T : never;

const make = <T>(check: (value: unknown, path: string) => string | null): Schema<T> => ({ check });

export const str = (max: number): Schema<string> =>
  make((v, p) => (typeof v === 'string' && v.length <= max ? null : `${p}: expected string <= ${max} chars`));

export const num = (): Schema<number> =>
  make((v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p}: expected finite number`));

export const int = (min = 0, max = Number.MAX_SAFE_INTEGER): Schema<number> =>
  make((v, p) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `${p}: expected integer in [${min}, ${max}]`));

export const bool = (): Schema<boolean> => make((v, p) => (typeof v === 'boolean' ? null : `${p}: expected boolean`));

export const lit = <const L extends readonly (string | number | boolean)[]>(...values: L): Schema<L[number]> =>
  make((v, p) => (values.includes(v as L[number]) ? null : `${p}: expected one of ${values.join(', ')}`));

export const nullable = <T>(s: Schema<T>): Schema<T | null> => make((v, p) => (v === null ? null : s.check(v, p)));

export const arr = <T>(s: Schema<T>, max: number): Schema<T[]> =>
  make((v, p) => {
    if (!Array.isArray(v)) return `${p}: expected array`;
    if (v.length > max) return `${p}: array longer than ${max}`;
    for (let i = 0; i < v.length; i++) {
      const e = s.check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type InferShape<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> };

export const optional = <T>(s: Schema<T>): Schema<T | undefined> => make((v, p) => (v === undefined ? null : s.check(v, p)));

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A plain object with exactly these keys (unknown keys are rejected: nothing unvalidated passes). */
export const obj = <S extends Shape>(shape: S): Schema<InferShape<S>> =>
  make((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p}: expected object`;
    for (const k of Object.keys(v)) if (!hasOwn(shape, k)) return `${p}.${k}: unexpected key`;
    for (const k of Object.keys(shape)) {
      const e = shape[k].check((v as Record<string, unknown>)[k], `${p}.${k}`);
      if (e) return e;
    }
    return null;
  });

/** A discriminated union on `key`; the variant is chosen by the literal tag, then checked whole. */
export const tagged = <K extends string, V extends Record<string, Schema<object>>>(key: K, variants: V): Schema<Infer<V[keyof V]>> =>
  make((v, p) => {
    if (typeof v !== 'object' || v === null) return `${p}: expected object`;
    const tag = (v as Record<string, unknown>)[key];
    if (typeof tag !== 'string' || !hasOwn(variants, tag)) return `${p}.${key}: unknown tag ${String(tag).slice(0, 40)}`;
    return variants[tag].check(v, p);
  });

/** A schema that refers to itself (previews nest): built on first use, then reused. */
export const lazy = <T>(get: () => Schema<T>): Schema<T> => {
  let built: Schema<T> | null = null;
  return make((v, p) => (built ??= get()).check(v, p));
};

export const validate = <T>(s: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } => {
  const error = s.check(value, '$');
  return error ? { ok: false, error } : { ok: true, value: value as T };
};

export const is = <T>(s: Schema<T>) => (value: unknown): value is T => s.check(value, '$') === null;
