// The listing's query parameters: one schema for the public listing and the API.
// Each parameter is checked on its own so that one bad value never hides the others.
import { z } from 'zod';
import { firstValue, type RawSearchParams } from './query-params';
import { slugPattern } from './slug';
import { hasControlCharacter } from './text-rules';

/** `relevance` ranks by how well a role matches the search text: only with search text. */
export const roleSorts = ['relevance', 'title', 'salary', 'openings'] as const;
export type RoleSort = (typeof roleSorts)[number];
export const defaultOrder: Record<RoleSort, 'asc' | 'desc'> = { relevance: 'desc', title: 'asc', salary: 'desc', openings: 'desc' };

/** The sort a search uses: the one asked for, else best match when there is search text, else title. */
export function effectiveSort(search: { q?: string; sort?: RoleSort }): RoleSort {
  if (search.sort === 'relevance' || search.sort === undefined) return search.q ? 'relevance' : 'title';
  return search.sort;
}

/** A relevance cursor's value: exact match (0 or 1), full-text rank and title similarity, as "1:0.607927:0.333333". */
export const RELEVANCE_CURSOR = /^[01]:\d{1,3}(\.\d{1,6})?:\d(\.\d{1,6})?$/;

export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;

/** PostgreSQL's integer range: ids and the sorted stats columns are int4. */
const MAX_INT4 = 2_147_483_647;

// Control characters (the admin text rules' definition: C0, DEL, C1, broken surrogates) are never
// typed by a person, and PostgreSQL refuses NUL.
const searchText = z
  .string()
  .trim()
  .max(MAX_QUERY_LENGTH, `Search text can be at most ${MAX_QUERY_LENGTH} characters`)
  .refine((text) => !hasControlCharacter(text), 'Search text cannot contain control characters');

const cursorValue = z.union([
  z.string().max(300).refine((text) => !hasControlCharacter(text)),
  z.number().int().min(-MAX_INT4).max(MAX_INT4),
]);

const cursorSchema = z
  .string()
  .max(400)
  .transform((value, ctx) => {
    try {
      const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      const parsed = z.tuple([cursorValue, z.number().int().positive().max(MAX_INT4)]).parse(decoded);
      return { value: parsed[0], id: parsed[1] };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not a valid page cursor' });
      return z.NEVER;
    }
  });

export type RoleCursor = z.output<typeof cursorSchema>;

export function encodeCursor(cursor: RoleCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export const roleSearchFields = {
  q: searchText,
  category: z.string().max(100).regex(slugPattern, 'Not a category'),
  minSalary: z.coerce.number().int('Whole numbers only').min(0).max(100_000_000),
  maxDegree: z.coerce.number().int('Whole numbers only').min(0).max(100),
  sort: z.enum(roleSorts),
  order: z.enum(['asc', 'desc']),
  after: cursorSchema,
  before: cursorSchema,
  page: z.coerce.number().int().min(1).max(1_000_000),
};

export type RoleSearchKey = keyof typeof roleSearchFields;
export type RoleSearch = { [K in RoleSearchKey]?: z.output<(typeof roleSearchFields)[K]> };

/** Parses what the URL says; returns the valid parameters and the names of the invalid ones. */
export function parseRoleSearch(raw: RawSearchParams): { search: RoleSearch; invalid: RoleSearchKey[] } {
  const search: Record<string, unknown> = {};
  const invalid: RoleSearchKey[] = [];
  for (const key of Object.keys(roleSearchFields) as RoleSearchKey[]) {
    const value = firstValue(raw[key]);
    if (value === undefined || value.trim() === '') continue;
    const result = roleSearchFields[key].safeParse(value);
    if (result.success) {
      if (result.data !== '') search[key] = result.data;
    } else invalid.push(key);
  }
  if (search.after && search.before) {
    delete search.before;
    invalid.push('before');
  }
  for (const key of mismatchedCursors(search as RoleSearch)) {
    delete search[key];
    invalid.push(key);
  }
  return { search: search as RoleSearch, invalid };
}

/** Cursors made for another sort: title and relevance cursors hold text, salary and openings cursors a number. */
export function mismatchedCursors(search: RoleSearch): ('after' | 'before')[] {
  const sort = effectiveSort(search);
  const fits = (value: string | number) =>
    sort === 'title' ? typeof value === 'string' : sort === 'relevance' ? typeof value === 'string' && RELEVANCE_CURSOR.test(value) : typeof value === 'number';
  return (['after', 'before'] as const).filter((key) => search[key] !== undefined && !fits(search[key].value));
}

/** The URL query for a search, leaving out defaults so that shared links stay short. */
export function toQueryString(search: RoleSearch & { after?: unknown; before?: unknown }, overrides: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  const plain: Record<string, string | undefined> = {
    q: search.q,
    category: search.category,
    minSalary: search.minSalary?.toString(),
    maxDegree: search.maxDegree?.toString(),
    sort: search.sort,
    order: search.order,
    ...overrides,
  };
  for (const [key, value] of Object.entries(plain)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
