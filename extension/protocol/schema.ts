// A tiny schema language: one declaration gives both the TypeScript type (Infer) and the runtime
// guard used at every boundary, so the two can never drift apart.

/**
 * `test` answers whether a value is valid, building nothing: it is what runs on every record at
 * every boundary. `check` says what is wrong, with a path, and runs only once `test` failed (paths
 * built eagerly for every field of every record were a quarter of the panel's and the background's
 * validation time, and most of its garbage).
 */
export type Schema<T> = {
  readonly test: (value: unknown) => boolean;
  readonly check: (value: unknown, path: string) => string | null;
  readonly _t?: T;
};
export type Infer<S> = S extends Schema<infer T> ? T : never;

const make = <T>(test: (value: unknown) => boolean, check: (value: unknown, path: string) => string | null): Schema<T> => ({ test, check });

/** A schema for one value, with what it expected when it fails. */
const leaf = <T>(test: (value: unknown) => boolean, expected: () => string): Schema<T> => make(test, (v, p) => (test(v) ? null : `${p}: ${expected()}`));

export const str = (max: number): Schema<string> =>
  leaf((v) => typeof v === 'string' && v.length <= max, () => `expected string <= ${max} chars`);

export const num = (): Schema<number> => leaf((v) => typeof v === 'number' && Number.isFinite(v), () => 'expected finite number');

export const int = (min = 0, max = Number.MAX_SAFE_INTEGER): Schema<number> =>
  leaf((v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, () => `expected integer in [${min}, ${max}]`);

export const bool = (): Schema<boolean> => leaf((v) => typeof v === 'boolean', () => 'expected boolean');

export const lit = <const L extends readonly (string | number | boolean)[]>(...values: L): Schema<L[number]> =>
  leaf((v) => values.includes(v as L[number]), () => `expected one of ${values.join(', ')}`);

export const nullable = <T>(s: Schema<T>): Schema<T | null> => make((v) => v === null || s.test(v), (v, p) => (v === null ? null : s.check(v, p)));

export const arr = <T>(s: Schema<T>, max: number): Schema<T[]> =>
  make(
    (v) => {
      if (!Array.isArray(v) || v.length > max) return false;
      for (let i = 0; i < v.length; i++) if (!s.test(v[i])) return false;
      return true;
    },
    (v, p) => {
      if (!Array.isArray(v)) return `${p}: expected array`;
      if (v.length > max) return `${p}: array longer than ${max}`;
      for (let i = 0; i < v.length; i++) {
        const e = s.check(v[i], `${p}[${i}]`);
        if (e) return e;
      }
      return null;
    },
  );

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type InferShape<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> };

export const optional = <T>(s: Schema<T>): Schema<T | undefined> => make((v) => v === undefined || s.test(v), (v, p) => (v === undefined ? null : s.check(v, p)));

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plain object with exactly these keys (unknown keys are rejected: nothing unvalidated passes). */
export const obj = <S extends Shape>(shape: S): Schema<InferShape<S>> => {
  const keys = Object.keys(shape);
  const schemas = keys.map((k) => shape[k]);
  return make(
    (v) => {
      if (!isRecord(v)) return false;
      for (const k in v) if (hasOwn(v, k) && !hasOwn(shape, k)) return false;
      // A missing key reads as undefined, which only optional() accepts.
      for (let i = 0; i < keys.length; i++) if (!schemas[i].test(v[keys[i]])) return false;
      return true;
    },
    (v, p) => {
      if (!isRecord(v)) return `${p}: expected object`;
      for (const k of Object.keys(v)) if (!hasOwn(shape, k)) return `${p}.${k}: unexpected key`;
      for (let i = 0; i < keys.length; i++) {
        const e = schemas[i].check(v[keys[i]], `${p}.${keys[i]}`);
        if (e) return e;
      }
      return null;
    },
  );
};

/** A discriminated union on `key`; the variant is chosen by the literal tag, then checked whole. */
export const tagged = <K extends string, V extends Record<string, Schema<object>>>(key: K, variants: V): Schema<Infer<V[keyof V]>> => {
  const variantOf = (v: unknown): Schema<object> | null => {
    if (typeof v !== 'object' || v === null) return null;
    const tag = (v as Record<string, unknown>)[key];
    return typeof tag === 'string' && hasOwn(variants, tag) ? variants[tag] : null;
  };
  return make(
    (v) => variantOf(v)?.test(v) ?? false,
    (v, p) => {
      if (typeof v !== 'object' || v === null) return `${p}: expected object`;
      const variant = variantOf(v);
      if (!variant) return `${p}.${key}: unknown tag ${String((v as Record<string, unknown>)[key]).slice(0, 40)}`;
      return variant.check(v, p);
    },
  );
};

/** A schema that refers to itself (previews nest): built on first use, then reused. */
export const lazy = <T>(get: () => Schema<T>): Schema<T> => {
  let built: Schema<T> | null = null;
  return make((v) => (built ??= get()).test(v), (v, p) => (built ??= get()).check(v, p));
};

/** A schema written by hand from its check alone (the test runs the check, paths and all). */
export const custom = <T>(check: (value: unknown, path: string) => string | null): Schema<T> => make((v) => check(v, '$') === null, check);

export const validate = <T>(s: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } => {
  if (s.test(value)) return { ok: true, value: value as T };
  return { ok: false, error: s.check(value, '$') ?? '$: invalid' };
};

export const is = <T>(s: Schema<T>) => (value: unknown): value is T => s.test(value);
