// Public reads of roles: published roles only, shaped as small objects for pages and the API.
import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { database } from './client';
import { categories, roleAreaStats, roles, roleSearch, roleStats, roleStatsHistory } from './schema';
import { contentFromRow, percentilesFromColumns, statsFromColumns, type Percentiles, type Stats } from './role-columns';
import type { UsState } from '@/lib/us-states';

export type RoleStatsSummary = Pick<Stats, 'employment' | 'jobOpenings' | 'jobOpeningsBasis' | 'averageSalary' | 'currency' | 'degreeRequirementPercent' | 'entryEducation'> & {
  /** The mean hourly wage: the pay shown for an occupation BLS publishes only hourly wages for. */
  hourlyMean: number | null;
};

/** A role's figures in one state (BLS state estimates); null where BLS publishes none (its `*` and `**`). */
export type StateFigures = {
  employment: number | null;
  jobsPer1000: number | null;
  locationQuotient: number | null;
  averageSalary: number | null;
  percentiles: Percentiles | null;
  /** The mean hourly wage in the state: the pay shown where BLS publishes no annual one. */
  hourlyMean: number | null;
};

/** A role's figures in the state a listing is of. */
export type RoleStateFigures = StateFigures & { state: UsState };

export type RoleListItem = RoleStatsSummary & {
  /** For the listing's salary marker. */
  percentiles: Percentiles | null;
  /** With a listing of a state: the role's figures there. */
  inState: RoleStateFigures | null;
  /** In a listing (search): its open job postings, in the U.S. or in the listing's state (role_posting_figures). */
  openPostings?: number;
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

export const listColumns = {
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
  hourlyMean: roleStats.hourlyMean,
  currency: roleStats.currency,
  degreeRequirementPercent: roleStats.degreeRequirementPercent,
  entryEducation: roleStats.entryEducation,
  salaryP10: roleStats.salaryP10,
  salaryP25: roleStats.salaryP25,
  salaryMedian: roleStats.salaryMedian,
  salaryP75: roleStats.salaryP75,
  salaryP90: roleStats.salaryP90,
  salaryTopCoded: roleStats.salaryTopCoded,
};

/** The columns of a role's figures in a state, for a listing of that state. */
export const stateColumns = {
  employment: roleAreaStats.employment,
  jobsPer1000: roleAreaStats.jobsPer1000,
  locationQuotient: roleAreaStats.locationQuotient,
  averageSalary: roleAreaStats.averageSalary,
  hourlyMean: roleAreaStats.hourlyMean,
  salaryP10: roleAreaStats.salaryP10,
  salaryP25: roleAreaStats.salaryP25,
  salaryMedian: roleAreaStats.salaryMedian,
  salaryP75: roleAreaStats.salaryP75,
  salaryP90: roleAreaStats.salaryP90,
  salaryTopCoded: roleAreaStats.salaryTopCoded,
};

type PercentileColumns = Parameters<typeof percentilesFromColumns>[0];
type StateRow = Omit<RoleStateFigures, 'state' | 'percentiles'> & PercentileColumns;

/** A row of listColumns as a list item: the percentile columns become one object (or null). */
export type ListRow = Omit<RoleListItem, 'percentiles' | 'inState'> & PercentileColumns & { inState?: StateRow | null };

export function toListItem({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded, inState, ...item }: ListRow, state?: UsState): RoleListItem {
  return {
    ...item,
    percentiles: percentilesFromColumns({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded }),
    inState: state && inState ? toStateFigures(inState, state) : null,
  };
}

function toStateFigures({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded, ...figures }: StateRow, state: UsState): RoleStateFigures {
  return { state, ...figures, percentiles: percentilesFromColumns({ salaryP10, salaryP25, salaryMedian, salaryP75, salaryP90, salaryTopCoded }) };
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

/**
 * Published roles of the same category most like this one, as their names and descriptions say:
 * first by how much their title and other names share this role's title words (Web Developers and
 * Software Quality Assurance Analysts for Software Developers; weighed double, since names say what
 * the work is), plus how many words their summaries (SOC definitions) share (Jaccard); then by
 * closeness of average salary, then title. Salary alone made Actuaries Software Developers' closest.
 */
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
  // This role's title words and summary words, each as "any of these words", computed once.
  const anyWordOf = (text: SQL) => sql`(select regexp_replace(plainto_tsquery('english', ${text})::text, '&', '|', 'g')::tsquery from ${roles} where ${roles.id} = ${roleId})`;
  const namesShare = sql`ts_rank('{0, 0, 0.4, 1}', ${roles.searchVector}, ${anyWordOf(sql`${roles.title}`)}, 0)`;
  // Normalised by the number of words (8): the share of the summary's words that are this one's.
  const summariesShare = sql`ts_rank('{0, 1, 0, 0}', ${roles.searchVector}, ${anyWordOf(sql`${roles.summary}`)}, 8)`;
  const rows = await database()
    .select(listColumns)
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .innerJoin(categories, eq(categories.slug, roles.categorySlug))
    .where(and(eq(roles.status, 'published'), eq(roles.categorySlug, categorySlug), sql`${roles.id} <> ${roleId}`))
    .orderBy(sql`2 * ${namesShare} + ${summariesShare} desc`, sql`abs(${roleStats.averageSalary} - ${averageSalary}::int) nulls last`, asc(roles.title))
    .limit(limit);
  return rows.map((row) => toListItem(row));
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

/** The published U.S. occupations by SOC code: where the job-title classifier's answers point. */
export async function listPublishedOccupations(): Promise<{ socCode: string; slug: string; title: string }[]> {
  const rows = await database()
    .select({ socCode: roles.socCode, slug: roles.slug, title: roles.title })
    .from(roles)
    .where(and(eq(roles.status, 'published'), sql`${roles.socCode} is not null`))
    .orderBy(asc(roles.socCode));
  return rows.map((row) => ({ socCode: row.socCode!, slug: row.slug, title: row.title }));
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

/** The id of a published role, or null when no published role has that slug. */
export async function findPublishedRoleId({ slug }: { slug: string }): Promise<number | null> {
  const [role] = await database()
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.slug, slug), eq(roles.status, 'published')));
  return role?.id ?? null;
}

/** A published role's stats over time, oldest first: the public change log of its numbers. */
export async function listPublishedRoleStatsHistory({ slug }: { slug: string }): Promise<RoleStatsHistoryEntry[] | null> {
  const roleId = await findPublishedRoleId({ slug });
  if (roleId === null) return null;
  const rows = await database()
    .select()
    .from(roleStatsHistory)
    .where(eq(roleStatsHistory.roleId, roleId))
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

export type EducationRankedRole = { slug: string; title: string; averageSalary: number; currency: string; entryEducation: string };

/** The best-paid roles at one education level, how many published roles need that level, and how many of them publish no annual salary. */
export type BestPaidAtLevel = { rank: number; total: number; withoutSalary: number; roles: EducationRankedRole[] };

/**
 * The best-paid published roles at each education level up to `maxRank` (BLS's order,
 * lib/education.ts), `perLevel` of each, and the best-paid `overall` of them all, ranked by
 * annual average salary: roles without one (hourly-only occupations) are left out of the ranking,
 * but counted in their level's total. Roles whose level is unknown are in no level.
 */
export async function listBestPaidByEducation({ maxRank, perLevel, overall }: { maxRank: number; perLevel: number; overall: number }) {
  const columns = {
    slug: roles.slug,
    title: roles.title,
    // Not null here (the conditions below see to it), as the types say.
    averageSalary: sql<number>`${roleSearch.averageSalary}`.as('average_salary'),
    currency: roleStats.currency,
    entryEducation: sql<string>`${roleStats.entryEducation}`.as('entry_education'),
    rank: sql<number>`${roleSearch.educationRank}`.as('education_rank'),
  };
  const ranked = database()
    .select({ ...columns, place: sql<number>`row_number() over (partition by ${roleSearch.educationRank} order by ${roleSearch.averageSalary} desc, ${roles.title})`.as('place') })
    .from(roleSearch)
    .innerJoin(roles, eq(roles.id, roleSearch.roleId))
    .innerJoin(roleStats, eq(roleStats.roleId, roleSearch.roleId))
    .where(and(lte(roleSearch.educationRank, maxRank), sql`${roleSearch.averageSalary} is not null`))
    .as('ranked');
  const [topOfEachLevel, best, totals] = await Promise.all([
    database().select().from(ranked).where(lte(ranked.place, perLevel)).orderBy(asc(ranked.rank), asc(ranked.place)),
    database()
      .select(columns)
      .from(roleSearch)
      .innerJoin(roles, eq(roles.id, roleSearch.roleId))
      .innerJoin(roleStats, eq(roleStats.roleId, roleSearch.roleId))
      .where(and(lte(roleSearch.educationRank, maxRank), sql`${roleSearch.averageSalary} is not null`))
      .orderBy(desc(roleSearch.averageSalary), asc(roles.title))
      .limit(overall),
    database()
      .select({
        rank: sql<number>`${roleSearch.educationRank}`,
        total: sql<number>`count(*)::int`,
        withoutSalary: sql<number>`(count(*) filter (where ${roleSearch.averageSalary} is null))::int`,
      })
      .from(roleSearch)
      .where(lte(roleSearch.educationRank, maxRank))
      .groupBy(roleSearch.educationRank),
  ]);
  const toRole = ({ slug, title, averageSalary, currency, entryEducation }: EducationRankedRole): EducationRankedRole => ({ slug, title, averageSalary, currency, entryEducation });
  const levels: BestPaidAtLevel[] = totals
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank, total, withoutSalary }) => ({ rank, total, withoutSalary, roles: topOfEachLevel.filter((role) => role.rank === rank).map(toRole) }));
  return { overall: best.map(toRole), levels };
}
