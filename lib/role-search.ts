// The listing's query parameters: one schema for the public listing and the API.
// Each parameter is checked on its own so that one bad value never hides the others.
import { z } from 'zod';
import { educationLevelOfSlug, educationSlugs } from './education';
import { categorySlugSchema } from './field-schemas';
import { firstValue, parseQueryFields, type RawSearchParams } from './query-params';
import { encodePageCursor, pageCursorSchema } from './page-cursor';
import { readPlaceInSearchText } from './search-text';
import { hasControlCharacter } from './text-rules';
import { usStateParam, type UsState } from './us-states';

/**
 * `relevance` ranks by how well a role matches the search text: only with search text.
 * `employment` and `concentration` (the location quotient) are a state's figures: only with a state.
 * `education` is BLS's typical education for entry in BLS's order (lib/education.ts), the
 * best-paid first within a level, and roles whose level is unknown last either way.
 */
export const roleSorts = ['relevance', 'title', 'salary', 'openings', 'education', 'employment', 'concentration'] as const;
export type RoleSort = (typeof roleSorts)[number];
export const defaultOrder: Record<RoleSort, SortOrder> = {
  relevance: 'desc',
  title: 'asc',
  salary: 'desc',
  openings: 'desc',
  education: 'asc',
  employment: 'desc',
  concentration: 'desc',
};
export const stateSorts: readonly RoleSort[] = ['employment', 'concentration'];

/** The sort a search uses: the one asked for, else best match when there is search text, else title. */
export function effectiveSort(search: { q?: string; sort?: RoleSort }): RoleSort {
  if (search.sort === 'relevance' || search.sort === undefined) return search.q ? 'relevance' : 'title';
  return search.sort;
}

export type SortOrder = 'asc' | 'desc';

/**
 * The listing's one sort control, in words. A choice is a sort and an order; the form sends it as
 * one value ("salary-asc"), and links may spell it as two parameters ("sort=salary&order=asc"), as
 * older links and the API do: both mean the same search. Best match is offered with search text only.
 */
export const sortChoices = [
  { value: 'relevance-desc', sort: 'relevance', order: 'desc', label: 'Best match' },
  { value: 'title-asc', sort: 'title', order: 'asc', label: 'Title A–Z' },
  { value: 'title-desc', sort: 'title', order: 'desc', label: 'Title Z–A' },
  { value: 'salary-desc', sort: 'salary', order: 'desc', label: 'Highest salary first' },
  { value: 'salary-asc', sort: 'salary', order: 'asc', label: 'Lowest salary first' },
  { value: 'openings-desc', sort: 'openings', order: 'desc', label: 'Most openings first' },
  { value: 'openings-asc', sort: 'openings', order: 'asc', label: 'Fewest openings first' },
  { value: 'education-asc', sort: 'education', order: 'asc', label: 'Least education needed first' },
  { value: 'education-desc', sort: 'education', order: 'desc', label: 'Most education needed first' },
  { value: 'employment-desc', sort: 'employment', order: 'desc', label: 'Most employed in the state first' },
  { value: 'concentration-desc', sort: 'concentration', order: 'desc', label: 'Most concentrated in the state first' },
] as const satisfies readonly { value: string; sort: RoleSort; order: SortOrder; label: string }[];
export type SortChoice = (typeof sortChoices)[number];

/** The sort choices that fit a search: best match only where there is search text to match, a state's figures only with a state. */
export function sortChoicesFor(search: { q?: string; state?: UsState }): SortChoice[] {
  return sortChoices.filter((choice) => (choice.sort !== 'relevance' || Boolean(search.q)) && (!stateSorts.includes(choice.sort) || search.state !== undefined));
}

/** The order a search's results are in, as the sort control names it. */
export function sortChoiceOf(search: { q?: string; sort?: RoleSort; order?: SortOrder }): SortChoice {
  const sort = effectiveSort(search);
  const order = search.order ?? defaultOrder[sort];
  // Only relevance ascending, which parseRoleSearch sets aside, has no choice: show its sort's first.
  return sortChoices.find((choice) => choice.sort === sort && choice.order === order) ?? sortChoices.find((choice) => choice.sort === sort)!;
}

/** Whether a search is in another order than it would be without a sort asked for. */
export function isSortChanged(search: { q?: string; sort?: RoleSort; order?: SortOrder }) {
  return sortChoiceOf(search) !== sortChoiceOf({ q: search.q });
}

/** A relevance cursor's value: how the role's names match (0 to 4), rank (or similarity) and minus the title's length, as "4:0.607927:-19". */
export const RELEVANCE_CURSOR = /^[0-4]:\d{1,3}(\.\d{1,6})?:-\d{1,5}$/;

/** An education cursor's value: the level's sort key and the salary's, as "1:-58210". */
export const EDUCATION_CURSOR = /^-?\d{1,2}:-?\d{1,10}$/;

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

const cursorSchema = pageCursorSchema(400, z.tuple([cursorValue, z.number().int().positive().max(MAX_INT4)])).transform(([value, id]) => ({ value, id }));

export type RoleCursor = z.output<typeof cursorSchema>;

export function encodeCursor(cursor: RoleCursor): string {
  return encodePageCursor(cursor.value, cursor.id);
}

export const roleSearchFields = {
  q: searchText,
  category: categorySlugSchema('Not a category'),
  minSalary: z.coerce.number().int('Whole numbers only').min(0).max(100_000_000),
  /** Kept for old links and API clients: BLS publishes no such share, so it matches only roles whose share is known. */
  maxDegree: z.coerce.number().int('Whole numbers only').min(0).max(100),
  /** BLS's typical education for entry, at most this level (lib/education.ts); roles whose level is unknown never match. */
  maxEducation: z.enum(educationSlugs, { error: `Give one of ${educationSlugs.join(', ')}` }).transform((slug) => educationLevelOfSlug(slug)!),
  sort: z.enum(roleSorts),
  order: z.enum(['asc', 'desc']),
  after: cursorSchema,
  before: cursorSchema,
  page: z.coerce.number().int().min(1).max(1_000_000),
  /** A state's figures instead of the national ones: only roles with an estimate there, its pay sorted and filtered. */
  state: usStateParam,
};

export type RoleSearchKey = keyof typeof roleSearchFields;

/** The listing's parameters as its "ignored" notice names them. */
export const listingParameterLabels = {
  q: 'search text',
  state: 'state',
  category: 'category',
  minSalary: 'minimum salary',
  maxDegree: 'maximum degree requirement',
  maxEducation: 'typical education',
  sort: 'sort',
  order: 'order',
  after: 'page',
  before: 'page',
  page: 'page number',
  compareWith: 'roles to compare with',
} satisfies Record<RoleSearchKey | 'compareWith', string>;
export type RoleSearch = { [K in RoleSearchKey]?: z.output<(typeof roleSearchFields)[K]> };

/**
 * Parses what the listing's URL says; returns the valid parameters and the names of the invalid
 * ones. `sort` may be a sort choice ("salary-asc"), which sets the order too. (The API parses its
 * own parameters, lib/api/role-responses.ts, with the same fields.)
 */
export function parseRoleSearch(raw: RawSearchParams): { search: RoleSearch; invalid: RoleSearchKey[]; placeFromText?: PlaceFromText } {
  const choice = sortChoices.find((candidate) => candidate.value === firstValue(raw.sort));
  const params = choice ? { ...raw, sort: choice.sort, order: choice.order } : raw;
  const parsed = parseQueryFields(params, roleSearchFields);
  const search: Record<string, unknown> = parsed.values;
  const invalid: RoleSearchKey[] = parsed.ignored;
  // The listing offers best match best first only (the API also the other way round).
  if (effectiveSort(search as RoleSearch) === 'relevance' && search.order === 'asc') {
    delete search.order;
    invalid.push('order');
  }
  if (search.sort && stateSorts.includes(search.sort as RoleSort) && !search.state) {
    delete search.sort;
    delete search.order;
    invalid.push('sort');
  }
  if (search.after && search.before) {
    delete search.before;
    invalid.push('before');
  }
  for (const key of mismatchedCursors(search as RoleSearch)) {
    delete search[key];
    invalid.push(key);
  }
  const { search: understood, placeFromText } = withPlaceFromText(search as RoleSearch);
  return placeFromText ? { search: understood, invalid, placeFromText } : { search: understood, invalid };
}

/** A place read from the search text: the search text as typed, and the state it named. */
export type PlaceFromText = { typed: string; state: UsState };

/**
 * A search whose text names a place ("nurse texas", "plumber TX") as the listing of that state,
 * searching the other words (lib/search-text.ts says which words are places). Only without a
 * state asked for: on a state's listing, or with a state chosen, the text is searched as typed.
 */
export function withPlaceFromText(search: RoleSearch): { search: RoleSearch; placeFromText: PlaceFromText | null } {
  if (!search.q || search.state) return { search, placeFromText: null };
  const place = readPlaceInSearchText(search.q);
  if (!place) return { search, placeFromText: null };
  const understood: RoleSearch = { ...search, q: place.q, state: place.state };
  if (!place.q) delete understood.q;
  // Without other words there is no best match: a best-match cursor would mean nothing.
  for (const key of mismatchedCursors(understood)) delete understood[key];
  return { search: understood, placeFromText: { typed: search.q, state: place.state } };
}

/** Cursors made for another sort: title, relevance and education cursors hold text, the other sorts' a number. */
export function mismatchedCursors(search: RoleSearch): ('after' | 'before')[] {
  const sort = effectiveSort(search);
  const textPatterns: Partial<Record<RoleSort, RegExp>> = { title: /^/, relevance: RELEVANCE_CURSOR, education: EDUCATION_CURSOR };
  const textPattern = textPatterns[sort];
  const fits = (value: string | number) => (textPattern ? typeof value === 'string' && textPattern.test(value) : typeof value === 'number');
  return (['after', 'before'] as const).filter((key) => search[key] !== undefined && !fits(search[key].value));
}

/** The URL query for a search, leaving out defaults so that shared links stay short. */
export function toQueryString(search: RoleSearch & { after?: unknown; before?: unknown }, overrides: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  const plain: Record<string, string | undefined> = {
    q: search.q,
    state: search.state?.slug,
    category: search.category,
    minSalary: search.minSalary?.toString(),
    maxDegree: search.maxDegree?.toString(),
    maxEducation: search.maxEducation?.slug,
    sort: search.sort,
    order: search.order,
    ...overrides,
  };
  for (const [key, value] of Object.entries(plain)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
