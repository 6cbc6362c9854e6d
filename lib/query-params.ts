// Query parameters as pages receive them: a value, a repeated value, or nothing.

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first of a repeated parameter, so `?q=a&q=b` reads as `a`. */
export function firstValue<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An empty form field means "not set". */
export function emptyAsMissing(value: unknown) {
  const first = firstValue(value);
  return first === '' ? undefined : first;
}

type Field = { safeParse(value: unknown): { success: true; data: unknown } | { success: false } };
type FieldValue<F> = F extends { safeParse(value: unknown): infer Result } ? Extract<Result, { success: true }> extends { data: infer Data } ? Data : never : never;

/**
 * The parameters `fields` name, each from its first value: an empty one is not set, and one its
 * field refuses is left out and named in `ignored`, so a page shows what it could read and says
 * what it could not (never an error page for a bad parameter).
 */
export function parseQueryFields<Fields extends Record<string, Field>>(raw: RawSearchParams, fields: Fields) {
  const values: { [Key in keyof Fields]?: Exclude<FieldValue<Fields[Key]>, ''> } = {};
  const ignored: (keyof Fields & string)[] = [];
  for (const key of Object.keys(fields) as (keyof Fields & string)[]) {
    const value = firstValue(raw[key]);
    if (value === undefined || value.trim() === '') continue;
    const result = fields[key]!.safeParse(value);
    if (!result.success) ignored.push(key);
    else if (result.data !== '') values[key] = result.data as Exclude<FieldValue<Fields[typeof key]>, ''>;
  }
  return { values, ignored };
}
