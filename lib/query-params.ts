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
