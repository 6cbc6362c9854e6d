// Public reads of roles: published roles only, shaped as small objects for pages and the API.
import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { database } from './client';
import { categories, roles, roleStats, roleStatsHistory } from './schema';
import { percentilesFromColumns, statsFromColumns, type Percentiles } from './stats-columns';
import { defaultOrder, PAGE_SIZE, type RoleCursor, type RoleSearch } from '@/lib/role-search';

export type RoleStatsSummary = {
  jobOpenings: number;
  averageSalary: number;
  currency: string;
  degreeRequirementPercent: number;
};

export type RoleListItem = RoleStatsSummary & {
  id: number;
  slug: string;
  title: string;
  summary: string;
  categorySlug: string;
  categoryName: string;
};

export type RoleDetail = {
  id: number;
  slug: string;
  title: string;
  category: { slug: string; name: string };
  summary: string;
  salaryTemplate: string;
  responsibilitiesIntro: string;
  responsibilities: string[];
  responsibilitiesOutro: string | null;
  howToBecomeIntro: string;
  howToBecomeSteps: { heading: string; body: string }[];
  howToBecomeOutro: string | null;
  version: number;
  updatedAt: string;
  stats: RoleStatsSummary & { percentiles: Percentiles | null; asOf: string; source: string; updatedAt: string };
};

export type RolePage = {
  items: RoleListItem[];
  total: number;
  nextCursor: RoleCursor | null;
  previousCursor: RoleCursor | null;
};

const listColumns = {
  id: roles.id,
  slug: roles.slug,
  title: roles.title,
  summary: roles.summary,
  categorySlug: roles.categorySlug,
  categoryName: categories.name,
  jobOpenings: roleStats.jobOpenings,
  averageSalary: roleStats.averageSalary,
  currency: roleStats.currency,
  degreeRequirementPercent: roleStats.degreeRequirementPercent,
};

/** `%` and `_` typed by a visitor are searched for literally. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function searchConditions(search: RoleSearch): SQL[] {
  const conditions: SQL[] = [eq(roles.status, 'published')];
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    conditions.push(
      or(
        sql`${roles.searchVector} @@ websearch_to_tsquery('english', ${search.q})`,
        sql`${roles.title} ilike ${pattern} escape '\\'`,
      )!,
    );
  }
  if (search.category) conditions.push(eq(roles.categorySlug, search.category));
  if (search.minSalary !== undefined) conditions.push(gte(roleStats.averageSalary, search.minSalary));
  if (search.maxDegree !== undefined) conditions.push(lte(roleStats.degreeRequirementPercent, search.maxDegree));
  return conditions;
}

/**
 * One page of published roles. Keyset pagination on (sort column, id): every page costs
 * the same index walk, however deep, where OFFSET would read and discard all earlier rows.
 */
export async function listPublishedRoles(search: RoleSearch, pageSize = PAGE_SIZE): Promise<RolePage> {
  const sort = search.sort ?? 'title';
  const order = search.order ?? defaultOrder[sort];
  const sortColumn = { title: roles.title, salary: roleStats.averageSalary, openings: roleStats.jobOpenings }[sort];
  // The tie-breaker sits in the same table as the sort column so one index serves both.
  const idColumn = sort === 'title' ? roles.id : roleStats.roleId;
  const backwards = search.before !== undefined;
  const cursor = search.after ?? search.before;
  const ascending = (order === 'asc') !== backwards;

  const filters = searchConditions(search);
  const conditions = [...filters];
  if (cursor) {
    const cursorValue = sort === 'title' ? String(cursor.value) : Number(cursor.value);
    conditions.push(
      ascending
        ? sql`(${sortColumn}, ${idColumn}) > (${cursorValue}, ${cursor.id})`
        : sql`(${sortColumn}, ${idColumn}) < (${cursorValue}, ${cursor.id})`,
    );
  }
  const direction = ascending ? asc : desc;

  const [rows, [counted]] = await Promise.all([
    database()
      .select(listColumns)
      .from(roles)
      .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
      .innerJoin(categories, eq(categories.slug, roles.categorySlug))
      .where(and(...conditions))
      .orderBy(direction(sortColumn), direction(idColumn))
      .limit(pageSize + 1),
    database()
      .select({ total: sql<number>`count(*)::int` })
      .from(roles)
      .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
      .where(and(...filters)),
  ]);

  const hasMoreInDirection = rows.length > pageSize;
  const items = rows.slice(0, pageSize);
  if (backwards) items.reverse();
  const keyOf = (item: RoleListItem): RoleCursor => ({
    value: { title: item.title, salary: item.averageSalary, openings: item.jobOpenings }[sort],
    id: item.id,
  });
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    total: counted?.total ?? 0,
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
    title: role.title,
    category: { slug: role.categorySlug, name: row.categoryName },
    summary: role.summary,
    salaryTemplate: role.salaryTemplate,
    responsibilitiesIntro: role.responsibilitiesIntro,
    responsibilities: role.responsibilities,
    responsibilitiesOutro: role.responsibilitiesOutro,
    howToBecomeIntro: role.howToBecomeIntro,
    howToBecomeSteps: role.howToBecomeSteps,
    howToBecomeOutro: role.howToBecomeOutro,
    version: role.version,
    updatedAt: role.updatedAt.toISOString(),
    stats: {
      jobOpenings: stats.jobOpenings,
      averageSalary: stats.averageSalary,
      currency: stats.currency,
      degreeRequirementPercent: stats.degreeRequirementPercent,
      percentiles: percentilesFromColumns(stats),
      asOf: stats.asOf,
      source: stats.source,
      updatedAt: stats.updatedAt.toISOString(),
    },
  };
}

/** Published roles of the same category whose average salary is closest to this one's. */
export async function listSimilarRoles({
  roleId,
  categorySlug,
  averageSalary,
  limit = 4,
}: {
  roleId: number;
  categorySlug: string;
  averageSalary: number;
  limit?: number;
}): Promise<RoleListItem[]> {
  return database()
    .select(listColumns)
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.status, 'published'), eq(roles.categorySlug, categorySlug), sql`${roles.id} <> ${roleId}`))
    .orderBy(sql`abs(${roleStats.averageSalary} - ${averageSalary})`, asc(roles.title))
    .limit(limit);
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

export type RoleStatsHistoryEntry = RoleStatsSummary & {
  roleVersion: number;
  percentiles: Percentiles | null;
  asOf: string;
  source: string;
  changedAt: string;
};

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
  return database()
    .select({
      id: roles.id,
      slug: roles.slug,
      title: roles.title,
      categoryName: categories.name,
      jobOpenings: roleStats.jobOpenings,
      averageSalary: roleStats.averageSalary,
      currency: roleStats.currency,
      degreeRequirementPercent: roleStats.degreeRequirementPercent,
      salaryP10: roleStats.salaryP10,
      salaryP25: roleStats.salaryP25,
      salaryMedian: roleStats.salaryMedian,
      salaryP75: roleStats.salaryP75,
      salaryP90: roleStats.salaryP90,
      asOf: roleStats.asOf,
      source: roleStats.source,
      updatedAt: roles.updatedAt,
    })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.status, 'published'), sql`${roles.id} > ${afterId}`))
    .orderBy(asc(roles.id))
    .limit(limit);
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
