// Public reads of roles: published roles only, shaped as small objects for pages and the API.
import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { database } from './client';
import { categories, roles, roleStats, roleStatsHistory } from './schema';
import { contentFromRow, percentilesFromColumns, statsFromColumns, type Percentiles, type Stats } from './role-columns';
import { defaultOrder, effectiveSort, PAGE_SIZE, type RoleCursor, type RoleSearch, type RoleSort } from '@/lib/role-search';

export type RoleStatsSummary = Pick<Stats, 'employment' | 'jobOpenings' | 'jobOpeningsBasis' | 'averageSalary' | 'currency' | 'degreeRequirementPercent'>;

export type RoleListItem = RoleStatsSummary & {
  /** For the listing's salary marker. */
  percentiles: Percentiles | null;
  id: number;
  slug: string;
  socCode: string | null;
  title: string;
  summary: string;
  categorySlug: string;
  categoryName: string;
};

export type RoleDetail = {
  id: number;
  slug: string;
  socCode: string | null;
  title: string;
  alternativeTitles: string[];
  category: { slug: string; name: string };
  summary: string;
  salaryTemplate: string;
  responsibilitiesIntro: string;
  responsibilities: string[];
  responsibilitiesOutro: string | null;
  howToBecomeIntro: string;
  howToBecomeSteps: { heading: string; body: string }[];
  howToBecomeOutro: string | null;
  contentAttribution: string | null;
  version: number;
  updatedAt: string;
  stats: Stats & { updatedAt: string };
};

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
};

const listColumns = {
  id: roles.id,
  slug: roles.slug,
  socCode: roles.socCode,
  title: roles.title,
  summary: roles.summary,
  categorySlug: roles.categorySlug,
  categoryName: categories.name,
  employment: roleStats.employment,
  jobOpenings: roleStats.jobOpenings,
  jobOpeningsBasis: roleStats.jobOpeningsBasis,
  averageSalary: roleStats.averageSalary,
  currency: roleStats.currency,
  degreeRequirementPercent: roleStats.degreeRequirementPercent,
  salaryP10: roleStats.salaryP10,
  salaryP25: roleStats.salaryP25,
  salaryMedian: roleStats.salaryMedian,
  salaryP75: roleStats.salaryP75,
  salaryP90: roleStats.salaryP90,
  salaryTopCoded: roleStats.salaryTopCoded,
};

/** A row of listColumns as a list item: the percentile columns become one object (or null). */
type ListRow = Omit<RoleListItem, 'percentiles'> & Parameters<typeof percentilesFromColumns>[0];

function toListItem({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded, ...item }: ListRow): RoleListItem {
  return { ...item, percentiles: percentilesFromColumns({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded }) };
}

/** `%` and `_` typed by a visitor are searched for literally. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const alternativeTitlesText = sql`roleboard_titles_text(${roles.alternativeTitles})`;

function searchConditions(search: RoleSearch): SQL[] {
  const conditions: SQL[] = [eq(roles.status, 'published')];
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    const matchesText = or(
      sql`${roles.searchVector} @@ websearch_to_tsquery('english', ${search.q})`,
      sql`${roles.title} ilike ${pattern} escape '\\'`,
      sql`${alternativeTitlesText} ilike ${pattern} escape '\\'`,
      // Close spellings too ("softwre developer"): a title with a word close to the search text.
      sql`${search.q} <% ${roles.title}`,
    )!;
    // The roles the text matches, found first through the text indexes (one bitmap scan of each).
    // OFFSET 0 keeps the planner from folding this into the outer query, where under a LIMIT it
    // would rather walk a sort index testing the four conditions on every role (a second at 100,000).
    conditions.push(sql`${roles.id} in (select ${roles.id} from ${roles} where ${matchesText} offset 0)`);
  }
  if (search.category) conditions.push(eq(roles.categorySlug, search.category));
  if (search.minSalary !== undefined) conditions.push(gte(roleStats.averageSalary, search.minSalary));
  if (search.maxDegree !== undefined) conditions.push(lte(roleStats.degreeRequirementPercent, search.maxDegree));
  return conditions;
}

/**
 * How well a role matches search text, as sort keys: an exact title or alternative-title match
 * first, then full-text rank, then the title's trigram similarity. The rank weighs the title most,
 * the other names much (a role many of whose names say "nurse" is what "nurse" means) and the
 * summary little, without length normalisation. Rounded, so that a cursor can carry them exactly.
 */
function relevanceKeys(q: string) {
  const exact = sql`(lower(${roles.title}) = lower(${q}) or exists (select 1 from unnest(${roles.alternativeTitles}) as other(name) where lower(other.name) = lower(${q})))::int`;
  const rank = sql`round(ts_rank('{0, 0.02, 0.4, 1}', ${roles.searchVector}, websearch_to_tsquery('english', ${q}), 0)::numeric, 6)`;
  const similarity = sql`round(similarity(${roles.title}, ${q})::numeric, 6)`;
  return [exact, rank, similarity];
}

/** The sort keys of a listing, and how a cursor's value splits into them. */
function sortPlan(sort: RoleSort, order: 'asc' | 'desc', q: string | undefined) {
  switch (sort) {
    case 'relevance': {
      const keys = relevanceKeys(q ?? '');
      return { keys, cursorKey: sql<string>`concat_ws(':', ${sql.join(keys, sql`, `)})`, cursorParts: (value: string | number) => String(value).split(':') };
    }
    case 'title':
      return { keys: [sql`${roles.title}`], cursorKey: sql<string>`${roles.title}`, cursorParts: (value: string | number) => [String(value)] };
    case 'salary': {
      // Roles without a published salary come last, whichever way the list is sorted.
      // Written as constants, not parameters, so the key is the indexed expression (migration 0008).
      const key = sql`coalesce(${roleStats.averageSalary}, ${sql.raw(String(order === 'asc' ? MAX_SALARY_KEY : -1))})`;
      return { keys: [key], cursorKey: sql<number>`${key}`, cursorParts: (value: string | number) => [Number(value)] };
    }
    case 'openings':
      return { keys: [sql`${roleStats.jobOpenings}`], cursorKey: sql<number>`${roleStats.jobOpenings}`, cursorParts: (value: string | number) => [Number(value)] };
  }
}

const MAX_SALARY_KEY = 2_147_483_647;

/**
 * One page of published roles. Keyset pagination on (sort keys, id): every page costs the same
 * walk, however deep, where OFFSET would read and discard all earlier rows.
 */
export async function listPublishedRoles(search: RoleSearch, pageSize = PAGE_SIZE): Promise<RolePage> {
  const sort = effectiveSort(search);
  const order = search.order ?? defaultOrder[sort];
  const plan = sortPlan(sort, order, search.q);
  // The tie-breaker sits in the same table as the sort column so one index serves both.
  const idColumn = sort === 'salary' || sort === 'openings' ? roleStats.roleId : roles.id;
  const backwards = search.before !== undefined;
  const cursor = search.after ?? search.before;
  const ascending = (order === 'asc') !== backwards;

  const filters = searchConditions(search);
  const conditions = [...filters];
  if (cursor) {
    const keys = sql.join([...plan.keys, sql`${idColumn}`], sql`, `);
    const values = sql.join([...plan.cursorParts(cursor.value).map((part) => sql`${part}`), sql`${cursor.id}`], sql`, `);
    conditions.push(ascending ? sql`(${keys}) > (${values})` : sql`(${keys}) < (${values})`);
  }
  const direction = ascending ? asc : desc;

  const [rows, [counted]] = await Promise.all([
    database()
      .select({ ...listColumns, cursorKey: plan.cursorKey })
      .from(roles)
      .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
      .innerJoin(categories, eq(categories.slug, roles.categorySlug))
      .where(and(...conditions))
      .orderBy(...plan.keys.map((key) => direction(key)), direction(idColumn))
      .limit(pageSize + 1),
    // Counts at most one past the bound: the scan stops there.
    database()
      .select({ total: sql<number>`count(*)::int` })
      .from(
        database()
          .select({ one: sql`1` })
          .from(roles)
          .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
          .where(and(...filters))
          .limit(ROLE_COUNT_BOUND + 1)
          .as('matches'),
      ),
  ]);

  const hasMoreInDirection = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const keyOf = (row: (typeof page)[number]): RoleCursor => ({ value: row.cursorKey, id: row.id });
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map(({ cursorKey, ...row }) => toListItem(row)),
    total: Math.min(counted?.total ?? 0, ROLE_COUNT_BOUND),
    totalIsLowerBound: (counted?.total ?? 0) > ROLE_COUNT_BOUND,
    nextCursor: last && (backwards || hasMoreInDirection) ? keyOf(last) : null,
    previousCursor: first && (backwards ? hasMoreInDirection : cursor !== undefined) ? keyOf(first) : null,
  };
}

export async function getPublishedRoleBySlug({ slug }: { slug: string }): Promise<RoleDetail | null> {
  const [row] = await database()
    .select({ role: roles, stats: roleStats, categoryName: categories.name })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.slug, slug), eq(roles.status, 'published')));
  if (!row) return null;
  const { role, stats } = row;
  return {
    id: role.id,
    slug: role.slug,
    socCode: role.socCode,
    title: role.title,
    alternativeTitles: role.alternativeTitles,
    category: { slug: role.categorySlug, name: row.categoryName },
    summary: role.summary,
    salaryTemplate: role.salaryTemplate,
    responsibilitiesIntro: role.responsibilitiesIntro,
    responsibilities: role.responsibilities,
    responsibilitiesOutro: role.responsibilitiesOutro,
    howToBecomeIntro: role.howToBecomeIntro,
    howToBecomeSteps: role.howToBecomeSteps,
    howToBecomeOutro: role.howToBecomeOutro,
    contentAttribution: role.contentAttribution,
    version: role.version,
    updatedAt: role.updatedAt.toISOString(),
    stats: { ...statsFromColumns(stats), updatedAt: stats.updatedAt.toISOString() },
  };
}

/** Published roles of the same category whose average salary is closest to this one's (by title when unknown). */
export async function listSimilarRoles({
  roleId,
  categorySlug,
  averageSalary,
  limit = 4,
}: {
  roleId: number;
  categorySlug: string;
  averageSalary: number | null;
  limit?: number;
}): Promise<RoleListItem[]> {
  const rows = await database()
    .select(listColumns)
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.status, 'published'), eq(roles.categorySlug, categorySlug), sql`${roles.id} <> ${roleId}`))
    .orderBy(sql`abs(${roleStats.averageSalary} - ${averageSalary}::int) nulls last`, asc(roles.title))
    .limit(limit);
  return rows.map(toListItem);
}

export type CategorySalaryRange = {
  categorySlug: string;
  currency: string;
  /** Every published average salary in the category, lowest first. */
  averageSalaries: number[];
  lowest: { slug: string; title: string; averageSalary: number };
  highest: { slug: string; title: string; averageSalary: number };
};

/**
 * The average salaries of a category's published roles (in one currency): what a role without
 * percentiles is shown against. Null when no role of the category publishes one.
 */
export async function getCategorySalaryRange({ categorySlug, currency }: { categorySlug: string; currency: string }): Promise<CategorySalaryRange | null> {
  const rows = await database()
    .select({ slug: roles.slug, title: roles.title, averageSalary: roleStats.averageSalary })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .where(
      and(eq(roles.status, 'published'), eq(roles.categorySlug, categorySlug), eq(roleStats.currency, currency), sql`${roleStats.averageSalary} is not null`),
    )
    .orderBy(asc(roleStats.averageSalary), asc(roles.title));
  const known = rows.filter((row): row is typeof row & { averageSalary: number } => row.averageSalary !== null);
  const [lowest, highest] = [known[0], known.at(-1)];
  if (!lowest || !highest) return null;
  return { categorySlug, currency, averageSalaries: known.map((row) => row.averageSalary), lowest, highest };
}

export async function listCategories() {
  return database().select().from(categories).orderBy(asc(categories.name));
}

/** Which of these slugs belong to published roles. */
export async function listPublishedSlugsAmong({ slugs }: { slugs: string[] }): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await database()
    .select({ slug: roles.slug })
    .from(roles)
    .where(and(inArray(roles.slug, slugs), eq(roles.status, 'published')));
  return rows.map((row) => row.slug);
}

/** Slugs and last-change times of every published role, for the sitemap. */
export async function listPublishedRoleSlugs({ offset = 0, limit = 50_000 }: { offset?: number; limit?: number } = {}) {
  const rows = await database()
    .select({ slug: roles.slug, updatedAt: roles.updatedAt })
    .from(roles)
    .where(eq(roles.status, 'published'))
    .orderBy(asc(roles.id))
    .offset(offset)
    .limit(limit);
  return rows.map((row) => ({ slug: row.slug, updatedAt: row.updatedAt.toISOString() }));
}

export async function countPublishedRoles() {
  const [row] = await database().select({ total: sql<number>`count(*)::int` }).from(roles).where(eq(roles.status, 'published'));
  return row?.total ?? 0;
}

export type RoleStatsHistoryEntry = Stats & { roleVersion: number; changedAt: string };

/** A published role's stats over time, oldest first: the public change log of its numbers. */
export async function listPublishedRoleStatsHistory({ slug }: { slug: string }): Promise<RoleStatsHistoryEntry[] | null> {
  const [role] = await database()
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.slug, slug), eq(roles.status, 'published')));
  if (!role) return null;
  const rows = await database()
    .select()
    .from(roleStatsHistory)
    .where(eq(roleStatsHistory.roleId, role.id))
    .orderBy(asc(roleStatsHistory.changedAt), asc(roleStatsHistory.id));
  return rows.map((row) => ({ roleVersion: row.roleVersion, ...statsFromColumns(row), changedAt: row.changedAt.toISOString() }));
}

/** One batch of published roles with their current stats, by id, for the CSV export. */
export async function listPublishedRoleStatsBatch({ afterId, limit }: { afterId: number; limit: number }) {
  const rows = await database()
    .select({ role: roles, stats: roleStats, categoryName: categories.name })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.status, 'published'), sql`${roles.id} > ${afterId}`))
    .orderBy(asc(roles.id))
    .limit(limit);
  return rows.map(({ role, stats, categoryName }) => ({
    id: role.id,
    categoryName,
    values: { content: contentFromRow(role), stats: statsFromColumns(stats) },
  }));
}

/** A summary that changes whenever any published role or its stats change. */
export async function getPublishedCatalogueFingerprint() {
  const [row] = await database()
    .select({
      count: sql<number>`count(*)::int`,
      versions: sql<string>`coalesce(sum(${roles.version}), 0)::text`,
      lastChange: sql<string | null>`greatest(max(${roles.updatedAt}), max(${roleStats.updatedAt}))::text`,
    })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .where(eq(roles.status, 'published'));
  return { count: row?.count ?? 0, versions: row?.versions ?? '0', lastChange: row?.lastChange ? new Date(row.lastChange).toISOString() : null };
}
