// The role search: which published roles a listing or API search finds, in what order, a page
// at a time (keyset cursors), with a bounded count. It reads role_search (migration 0011), a narrow
// row per published role kept by triggers, and role_name_words for text spelt wrong (migration 0024).
import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { database } from './client';
import { categories, roleAreaStats, rolePostingFigures, roles, roleSearch, roleStats } from './schema';
import { listColumns, stateColumns, toListItem, type ListRow, type RoleListItem } from './role-reads';
import { defaultOrder, effectiveSort, PAGE_SIZE, type RoleCursor, type RoleSearch, type RoleSort } from '@/lib/role-search';
import { searchTextVariants } from '@/lib/search-text';
import type { UsState } from '@/lib/us-states';

/** role_posting_figures's area for the whole U.S. */
const NATIONAL_AREA = '00';

/**
 * Counting every match of a broad search costs a scan of them all (~100 ms at 100,000 roles), so
 * totals are exact up to this bound and "10,000+" beyond it, as large search sites do.
 */
export const ROLE_COUNT_BOUND = 10_000;

export type RolePage = {
  items: RoleListItem[];
  /** Exact when totalIsLowerBound is false; else ROLE_COUNT_BOUND, and there are more. */
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: RoleCursor | null;
  previousCursor: RoleCursor | null;
  /** When no role has the words typed: the text as corrected to the words of roles' names that were searched instead ("registered nurses"). */
  correctedText: string | null;
};

/**
 * How search text finds roles: `query`, a full-text query on role_search's index, and `nameMatch`,
 * how a role's names match it (relevance's first key). First the words as typed (`typedWords`:
 * every word, the last letters optional, so "softw dev" finds Software Developers); when no role
 * has them, each word corrected to the closest words of roles' names (`correctedWords`: "softwre"
 * to "software"). A search without text has none.
 */
type TextQuery = { query: SQL; nameMatch: SQL } | undefined;

function typedWords(q: string): TextQuery {
  return { query: wordsQuery(q), nameMatch: nameMatch(q) };
}

/**
 * The search text as a full-text query whose words of three letters or more match as prefixes,
 * for what was typed or its abbreviations spelled out (lib/search-text.ts). plainto_tsquery reads
 * any text without a syntax error; the prefix marks go after its quoted words.
 */
function wordsQuery(q: string) {
  const each = searchTextVariants(q).map(
    (text) => sql`regexp_replace(plainto_tsquery('english', ${text})::text, '(''[^'' ]{3,}'')( |$)', '\\1:*\\2', 'g')::tsquery`,
  );
  return sql`(${sql.join(each, sql` || `)})`;
}

/**
 * The search text's whole words, each to be found in the names `weights` mark (A the title, B the
 * other names): "nurse" is in Registered Nurses' title, "attorney" in Lawyers' other names.
 */
function wholeWordsQuery(q: string, weights: 'A' | 'AB') {
  const each = searchTextVariants(q).map(
    (text) => sql`regexp_replace(plainto_tsquery('english', ${text})::text, '(''(?:[^'']|'''')+'')', '\\1:${sql.raw(weights)}', 'g')::tsquery`,
  );
  return sql`(${sql.join(each, sql` || `)})`;
}

/**
 * Search text with each word corrected to the closest words of published roles' names (migration
 * 0024's roleboard_correct_words): as a full-text query, and as text to show; null when some word
 * has none close. Asked once, then searched like words typed right: a few thousand words are
 * matched by trigrams, where matching every role's names by trigrams read 10,000 titles for a
 * broad word spelt wrong ("managre": 125 ms at 100,000 roles).
 */
async function correctedWords(q: string): Promise<{ text: NonNullable<TextQuery>; corrected: string } | null> {
  const [row] = await database().execute<{ query: string | null; corrected: string | null }>(sql`select query::text as query, corrected from roleboard_correct_words(${q})`);
  const corrected = row?.query;
  if (!corrected || !row.corrected) return null;
  // Its words are whole words: the names' tiers of nameMatch without the name keys (the text as
  // typed names no role), so that "bu and truck mechanic" puts Bus and Truck Mechanics first.
  const inNames = (weights: 'A' | 'AB') => sql`${corrected.replace(/('(?:[^']|'')+')/g, `$1:${weights}`)}::tsquery`;
  return {
    text: {
      query: sql`${corrected}::tsquery`,
      nameMatch: sql`(case when ${roleSearch.searchVector} @@ ${inNames('A')} then 2 when ${roleSearch.searchVector} @@ ${inNames('AB')} then 1 else 0 end)`,
    },
    corrected: row.corrected,
  };
}

/** A search's conditions on role_search (which holds published roles only), and on the state's figures in a state. */
function searchConditions(search: RoleSearch, text: TextQuery) {
  const conditions: SQL[] = [];
  if (text) conditions.push(sql`${roleSearch.searchVector} @@ ${text.query}`);
  if (search.category) conditions.push(eq(roleSearch.categorySlug, search.category));
  // In a state, the salary asked for is the state's; the degree requirement is only known nationally.
  // Nationally as the salary sort's key (roles without a salary are -1, below any minimum): the
  // key's index then serves the filter, for a count from the index alone and a sort's walk.
  if (search.minSalary !== undefined)
    conditions.push(search.state ? gte(roleAreaStats.averageSalary, search.minSalary) : sql`coalesce(${roleSearch.averageSalary}, -1) >= ${search.minSalary}`);
  if (search.maxDegree !== undefined) conditions.push(lte(roleSearch.degreeRequirementPercent, search.maxDegree));
  // A role whose level is unknown (null) is never "at most" any level.
  if (search.maxEducation) conditions.push(lte(roleSearch.educationRank, search.maxEducation.rank));
  return conditions;
}

/**
 * How well a role matches search text, as sort keys. First how its names match (`nameMatch`);
 * then the full-text rank (of the corrected words, for text spelt wrong); then the
 * shorter title, the closer match. The rank weighs the title most, the other names much (a role
 * many of whose names say "nurse" is what "nurse" means) and the summary little, without length
 * normalisation. Rounded to six decimals, so that a cursor can carry them exactly. Each is cheap
 * on a row of role_search, since a broad word's 10,000 matches are all ranked.
 */
function relevanceKeys(text: NonNullable<TextQuery>) {
  const rank = sql`ts_rank('{0, 0.02, 0.4, 1}', ${roleSearch.searchVector}, ${text.query}, 0)`;
  const score = sql`${rank} * log(10 + ${roleSearch.jobOpenings})`;
  const shorter = sql`(-char_length(${roleSearch.title}))`;
  // Rounded as a double: through numeric, each match's score would be printed and parsed again
  // (float4 to numeric goes through text), which costs more than ranking it.
  const rounded = sql`(round(${score}::float8 * 1000000) / 1000000)`;
  return [text.nameMatch, rounded, shorter];
}

/**
 * How a role's names match search text, best first: 4, the text names its title ("data
 * scientist", "scientists data": the same words, singular or plural, in any order, with "&" or
 * "and"; migration 0015's name keys); 3, it names one of its other names ("attorney", "RN"); 2,
 * its title has every word typed ("nurse": Registered Nurses); 1, its other names have them; 0,
 * only prefixes or the summary do. Abbreviations count spelled out too ("HR manager").
 */
function nameMatch(q: string) {
  const keys = sql.join(
    searchTextVariants(q).map((text) => sql`roleboard_name_key(${text})`),
    sql`, `,
  );
  return sql`(case when ${roleSearch.titleKey} in (${keys}) then 4 when ${roleSearch.otherNameKeys} && array[${keys}] then 3
    when ${roleSearch.searchVector} @@ ${wholeWordsQuery(q, 'A')} then 2 when ${roleSearch.searchVector} @@ ${wholeWordsQuery(q, 'AB')} then 1 else 0 end)`;
}

/**
 * The published roles search text names: by their title or by one of their other names (the text's
 * words, singular or plural, in any order; see `nameMatch`), titles first. Found through the text
 * index, as every role the text names has its words.
 */
export async function listRolesNamedBy({ q, limit }: { q: string; limit: number }): Promise<{ slug: string; title: string }[]> {
  const match = nameMatch(q);
  return database()
    .select({ slug: roles.slug, title: roles.title })
    .from(roleSearch)
    .innerJoin(roles, eq(roles.id, roleSearch.roleId))
    .where(and(sql`${roleSearch.searchVector} @@ ${wordsQuery(q)}`, sql`${match} >= 3`))
    .orderBy(sql`${match} desc`, asc(roleSearch.title))
    .limit(limit);
}

/**
 * A state figure as a sort key: roles without it last, whichever way the list is sorted (as the
 * salary's key does), so that a cursor compares it as a plain integer.
 */
function stateKey(column: SQL, order: 'asc' | 'desc') {
  return sql`coalesce(${column}, ${sql.raw(String(order === 'asc' ? MAX_SALARY_KEY : -1))})`;
}

/** The sort keys of a listing, and how a cursor's value splits into them. */
function sortPlan(sort: RoleSort, order: 'asc' | 'desc', text: TextQuery, inState: boolean) {
  switch (sort) {
    case 'relevance': {
      // Only with search text (effectiveSort).
      const keys = relevanceKeys(text!);
      return { keys, cursorParts: (value: string | number) => String(value).split(':') };
    }
    case 'title':
      return { keys: [sql`${roleSearch.title}`], cursorParts: (value: string | number) => [String(value)] };
    case 'salary': {
      if (inState) {
        const key = stateKey(sql`${roleAreaStats.averageSalary}`, order);
        return { keys: [key], cursorParts: (value: string | number) => [Number(value)] };
      }
      // Roles without a published salary come last, whichever way the list is sorted.
      // Written as constants, not parameters, so the key is the indexed expression (migration 0011).
      const key = sql`coalesce(${roleSearch.averageSalary}, ${sql.raw(String(order === 'asc' ? MAX_SALARY_KEY : -1))})`;
      return { keys: [key], cursorParts: (value: string | number) => [Number(value)] };
    }
    case 'openings':
      return { keys: [sql`${roleSearch.jobOpenings}`], cursorParts: (value: string | number) => [Number(value)] };
    case 'education': {
      // The level, unknown last either way; then the best-paid first within it (the state's pay
      // in a state), roles without a salary last: ascending, the salary's key is negated.
      const salary = inState ? sql`${roleAreaStats.averageSalary}` : sql`${roleSearch.averageSalary}`;
      const keys =
        order === 'asc'
          ? [sql`coalesce(${roleSearch.educationRank}, ${sql.raw(String(UNKNOWN_EDUCATION_LAST))})`, sql`(-coalesce(${salary}, -1))`]
          : [sql`coalesce(${roleSearch.educationRank}, -1)`, sql`coalesce(${salary}, -1)`];
      return { keys, cursorParts: (value: string | number) => String(value).split(':').map(Number) };
    }
    case 'employment':
    case 'concentration': {
      // Only with a state (parseRoleSearch sees to it). The location quotient, kept to two decimals, as hundredths.
      const column = sort === 'employment' ? sql`${roleAreaStats.employment}` : sql`round(${roleAreaStats.locationQuotient} * 100)::int`;
      const key = stateKey(column, order);
      return { keys: [key], cursorParts: (value: string | number) => [Number(value)] };
    }
  }
}

const MAX_SALARY_KEY = 2_147_483_647;

/** Above the highest education rank (7, doctoral): unknown levels sort after every known one. */
const UNKNOWN_EDUCATION_LAST = 8;

/** A search counts its matches up to one past the bound: the scan stops there. */
const COUNT_LIMIT = ROLE_COUNT_BOUND + 1;

type PageKeys = { id: number } & Record<string, string | number>;
type ListRowWithKey = ListRow & { cursorKey: string | number };
type FoundPage = { total: number; rows: ListRowWithKey[] };

/**
 * One page of published roles. Keyset pagination on (sort keys, id): every page costs the same
 * walk, however deep, where OFFSET would read and discard all earlier rows. Search text matches
 * its words, and only when no role has them does it correct them (`correctedWords`).
 */
export async function listPublishedRoles(search: RoleSearch, pageSize = PAGE_SIZE): Promise<RolePage> {
  const typed = search.q ? typedWords(search.q) : undefined;
  const words = await findPage(search, pageSize, typed);
  if (words.total > 0) return toPage(search, pageSize, words.total, words.rows);
  // Corrected words only when no role at all has the words: when the filters leave none of those
  // that do, there is simply none.
  if (!search.q || (hasFilters(search) && (await anyRoleHas(typed!.query)))) return toPage(search, pageSize, 0, []);
  const corrected = await correctedWords(search.q);
  if (!corrected) return toPage(search, pageSize, 0, []);
  const found = await findPage(search, pageSize, corrected.text);
  return toPage(search, pageSize, found.total, found.rows, corrected.corrected);
}

/**
 * A page and its total. Without search text, or ranked by relevance, the page's plan is the same
 * however many roles match (the sort's index walked; every match ranked), so the page and the
 * count run side by side. Sorted by a column, a search's matches are found through the text index
 * and counted in the pass that sorts them, each heap page of role_search read once rather than
 * once for a count and again for the page (a broad word's matches sit on nearly all of them).
 * Past the count's bound, walking the sort's index finds a page after a few hundred roles.
 */
async function findPage(search: RoleSearch, pageSize: number, text: TextQuery): Promise<FoundPage> {
  if (!search.q || effectiveSort(search) === 'relevance') {
    const [total, keys] = await Promise.all([countMatches(search, text), sortedPage(search, pageSize, text)]);
    return { total, rows: await withDetails(search, keys) };
  }
  const sorted = await sortBoundedMatches(search, pageSize, text);
  const total = sorted.total ?? (await countMatches(search, text));
  const keys = total <= ROLE_COUNT_BOUND ? sorted.keys : await sortedPage(search, pageSize, text);
  return { total, rows: await withDetails(search, keys) };
}

/** The way a page runs through its sort, and its cursor as a condition on `keys` (the sort keys, then the id). */
function pageDirection(search: RoleSearch, plan: ReturnType<typeof sortPlan>, order: 'asc' | 'desc') {
  const cursor = search.after ?? search.before;
  const ascending = (order === 'asc') !== (search.before !== undefined);
  const afterCursor = (keys: SQL[]) => {
    if (!cursor) return undefined;
    const values = sql.join([...plan.cursorParts(cursor.value).map((part) => sql`${part}`), sql`${cursor.id}`], sql`, `);
    const row = sql.join(keys, sql`, `);
    return ascending ? sql`(${row}) > (${values})` : sql`(${row}) < (${values})`;
  };
  return { ascending, afterCursor };
}

/** A search's sort keys as planned for a text match, with its order. */
function planFor(search: RoleSearch, text: TextQuery) {
  const sort = effectiveSort(search);
  const order = search.order ?? defaultOrder[sort];
  return { sort, order, plan: sortPlan(sort, order, text, search.state !== undefined) };
}

/** Column `key<index>` of a subquery. */
function keyColumn(subquery: string, index: number) {
  return sql<string | number>`${sql.identifier(subquery)}.${sql.identifier(`key${index}`)}`;
}

/**
 * One page of matches' ids and sort keys, and one more to tell whether there are more, sorted from
 * up to one past the count's bound of them (see `unindexed`), with how many there are: counted
 * before the cursor is applied, so that every page says the same. The total is null when the page
 * is empty (past the last one), as no row was left to carry it.
 */
async function sortBoundedMatches(search: RoleSearch, pageSize: number, text: TextQuery) {
  const { sort, order, plan } = planFor(search, text);
  const { ascending, afterCursor } = pageDirection(search, plan, order);
  const keyFields = Object.fromEntries(plan.keys.map((key, index) => [`key${index}`, sql`${unindexed(key, sort)}`.as(`key${index}`)]));
  const matches = matchingRoles(search.state, keyFields)
    .where(and(...searchConditions(search, text)))
    .limit(COUNT_LIMIT)
    .as('matches');
  const passedOn = Object.fromEntries(plan.keys.map((_, index) => [`key${index}`, keyColumn('matches', index).as(`key${index}`)]));
  const counted = database()
    .select({ id: matches.id, ...passedOn, total: sql<number>`(count(*) over ())::int`.as('total') })
    .from(matches)
    .as('counted');
  const keys = plan.keys.map((_, index) => keyColumn('counted', index));
  const direction = (key: SQL) => (ascending ? asc(key) : desc(key));
  const rows = (await database()
    .select({ id: counted.id, total: counted.total, ...Object.fromEntries(keys.map((key, index) => [`key${index}`, key])) })
    .from(counted)
    .where(afterCursor([...keys, sql`${counted.id}`]))
    .orderBy(...keys.map(direction), direction(sql`${counted.id}`))
    .limit(pageSize + 1)) as (PageKeys & { total: number })[];
  const total = rows[0] ? rows[0].total : search.after || search.before ? null : 0;
  return { total, keys: rows.map(({ total: _, ...page }) => page as PageKeys) };
}

/**
 * One page of ids and sort keys, and one more, in the sort's order from role_search alone: for a
 * sort by a column, the planner walks its index; ranked, every match is scored.
 */
async function sortedPage(search: RoleSearch, pageSize: number, text: TextQuery): Promise<PageKeys[]> {
  const { order, plan } = planFor(search, text);
  const { ascending, afterCursor } = pageDirection(search, plan, order);
  // The tie-breaker sits in the same table as the sort columns so one index serves both.
  const conditions = [...searchConditions(search, text)];
  const cursor = afterCursor([...plan.keys, sql`${roleSearch.roleId}`]);
  if (cursor) conditions.push(cursor);
  // Sorted by the selected keys' positions (id is the first column): written out again, with
  // parameters of their own, each key would be computed twice per row.
  const keyFields = Object.fromEntries(plan.keys.map((key, index) => [`key${index}`, sql<string | number>`${key}`]));
  const byPosition = (position: number) => sql.raw(`${position} ${ascending ? 'asc' : 'desc'}`);
  return (await matchingRoles(search.state, keyFields)
    .where(and(...conditions))
    .orderBy(...plan.keys.map((_, index) => byPosition(index + 2)), byPosition(1))
    .limit(pageSize + 1)) as PageKeys[];
}

/** The listing's columns of a page's roles, in the page's order, each with its cursor key. */
async function withDetails(search: RoleSearch, page: PageKeys[]): Promise<ListRowWithKey[]> {
  if (page.length === 0) return [];
  const details = database()
    .select({ ...listColumns, ...(search.state ? { inState: stateColumns } : {}) })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .$dynamic();
  if (search.state) details.innerJoin(roleAreaStats, inStateCondition(search.state, roles.id));
  const ids = page.map((row) => row.id);
  const [detailRows, postingRows] = await Promise.all([
    details.where(inArray(roles.id, ids)),
    database()
      .select({ roleId: rolePostingFigures.roleId, openCount: rolePostingFigures.openCount })
      .from(rolePostingFigures)
      .where(and(inArray(rolePostingFigures.roleId, ids), eq(rolePostingFigures.areaFips, search.state?.fips ?? NATIONAL_AREA))),
  ]);
  const rows = new Map(detailRows.map((row) => [row.id, row]));
  const openPostings = new Map(postingRows.map((row) => [row.roleId, row.openCount]));
  // A role archived between the two queries is left out.
  return page.flatMap(({ id, ...keys }) => {
    const row = rows.get(id);
    const values = Object.keys(keys).map((_, index) => keys[`key${index}`]!);
    return row ? [{ ...row, openPostings: openPostings.get(id) ?? 0, cursorKey: values.length === 1 ? values[0]! : values.join(':') }] : [];
  });
}

/**
 * A sort key as an expression no index serves, so that the planner finds a search's matches
 * through the text index and sorts them, up to the count's bound. Walking the sort's index
 * instead can read far, since matches cluster (a word that starts titles sits in one stretch of
 * the title order: 20,000 roles read to find 21 "Clinical …" roles at 100,000).
 */
function unindexed(key: SQL, sort: RoleSort) {
  return sort === 'title' ? sql`(${key} || '')` : sql`(${key} + 0)`;
}

/** A role's figures in the state: joined, a listing of a state holds only the roles BLS has an estimate for there. */
function inStateCondition(state: UsState, roleId: typeof roles.id | typeof roleSearch.roleId = roleSearch.roleId) {
  return and(eq(roleAreaStats.roleId, roleId), eq(roleAreaStats.areaFips, state.fips));
}

function toPage(search: RoleSearch, pageSize: number, counted: number, rows: ListRowWithKey[], correctedText: string | null = null): RolePage {
  const backwards = search.before !== undefined;
  const cursor = search.after ?? search.before;
  const hasMoreInDirection = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const keyOf = (row: ListRowWithKey): RoleCursor => ({ value: row.cursorKey, id: row.id });
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map(({ cursorKey, ...row }) => toListItem(row, search.state)),
    total: Math.min(counted, ROLE_COUNT_BOUND),
    totalIsLowerBound: counted > ROLE_COUNT_BOUND,
    nextCursor: last && (backwards || hasMoreInDirection) ? keyOf(last) : null,
    previousCursor: first && (backwards ? hasMoreInDirection : cursor !== undefined) ? keyOf(first) : null,
    correctedText,
  };
}

/** The ids of published roles (and `fields`), from role_search alone (with the state's figures in a state). */
function matchingRoles<Fields extends Record<string, SQL | SQL.Aliased>>(state?: UsState, fields?: Fields) {
  const query = database()
    .select({ id: roleSearch.roleId, ...(fields as Fields) })
    .from(roleSearch)
    .$dynamic();
  if (state) query.innerJoin(roleAreaStats, inStateCondition(state));
  return query;
}

/** Whether a search narrows its text's matches: without, no match at all means no role has the words. */
function hasFilters(search: RoleSearch) {
  return Boolean(search.category || search.state || search.minSalary !== undefined || search.maxDegree !== undefined || search.maxEducation);
}

/**
 * Whether any published role has the words, whatever the filters. Counted, not probed with LIMIT 1
 * or EXISTS: for a first row the planner expects a common word and scans role_search instead of
 * its text index, reading all of it when no role has the words (19–37 ms at 100,000 roles).
 */
async function anyRoleHas(text: SQL) {
  const [row] = await database().execute<{ found: boolean }>(
    sql`select count(*) > 0 as found from (select ${roleSearch.roleId} from ${roleSearch} where ${roleSearch.searchVector} @@ ${text}) as matches`,
  );
  return row?.found === true;
}

/**
 * How many published roles match a search, counting at most one past the bound: the scan stops
 * there. Without search text, an index alone answers (role_search is all-visible between writes).
 */
async function countMatches(search: RoleSearch, text: TextQuery): Promise<number> {
  const matches = matchingRoles(search.state)
    .where(and(...searchConditions(search, text)))
    .limit(COUNT_LIMIT)
    .as('matches');
  const [row] = await database()
    .select({ total: sql<number>`count(*)::int` })
    .from(matches);
  return row?.total ?? 0;
}
