// Public reads of the states (areas) and of published roles' figures in them (BLS state estimates).
import 'server-only';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { database } from './client';
import { percentilesFromColumns } from './role-columns';
import { findPublishedRoleId, type StateFigures } from './role-reads';
import { areas, roleAreaStats, roles } from './schema';

export type Area = { fips: string; postalCode: string; name: string; slug: string };

/** A role's figures in one state, with the hourly median and where the figures come from. */
export type AreaFigures = StateFigures & {
  area: Area;
  hourlyMedian: number | null;
  /** The hourly median is BLS's hourly top code: the real one is at least that. */
  hourlyMedianTopCoded: boolean;
  asOf: string;
  source: string;
  sourceUrl: string;
};

const areaColumns = { fips: areas.fips, postalCode: areas.postalCode, name: areas.name, slug: areas.slug };

export async function listAreas(): Promise<Area[]> {
  return database().select(areaColumns).from(areas).orderBy(asc(areas.name));
}

/** The state a postal code (any case) or slug names, or null. */
export async function findArea({ codeOrSlug }: { codeOrSlug: string }): Promise<Area | null> {
  const [area] = await database()
    .select(areaColumns)
    .from(areas)
    .where(or(eq(areas.postalCode, codeOrSlug.toUpperCase()), eq(areas.slug, codeOrSlug)))
    .limit(1);
  return area ?? null;
}

/** Every state's figures for a published role, by state name; null when no published role has the slug. */
export async function listPublishedRoleAreaFigures({ slug }: { slug: string }): Promise<AreaFigures[] | null> {
  const roleId = await findPublishedRoleId({ slug });
  if (roleId === null) return null;
  const rows = await database()
    .select({ area: areaColumns, figures: roleAreaStats })
    .from(roleAreaStats)
    .innerJoin(areas, eq(areas.fips, roleAreaStats.areaFips))
    .where(eq(roleAreaStats.roleId, roleId))
    .orderBy(asc(areas.name));
  return rows.map(({ area, figures }) => toAreaFigures(area, figures));
}

function toAreaFigures(area: Area, figures: typeof roleAreaStats.$inferSelect): AreaFigures {
  return {
    area,
    employment: figures.employment,
    jobsPer1000: figures.jobsPer1000,
    locationQuotient: figures.locationQuotient,
    averageSalary: figures.averageSalary,
    percentiles: percentilesFromColumns(figures),
    hourlyMean: figures.hourlyMean,
    hourlyMedian: figures.hourlyMedian,
    hourlyMedianTopCoded: figures.hourlyMedianTopCoded,
    asOf: figures.asOf,
    source: figures.source,
    sourceUrl: figures.sourceUrl,
  };
}

export type RoleInAreaFigures = { id: number; slug: string; title: string; socCode: string | null; figures: AreaFigures };

/** One batch of published roles with figures in a state, by role id after `afterId` (the state CSV export). */
export async function listPublishedRolesInAreaBatch({ area, afterId, limit }: { area: Area; afterId: number; limit: number }): Promise<RoleInAreaFigures[]> {
  const rows = await database()
    .select({ id: roles.id, slug: roles.slug, title: roles.title, socCode: roles.socCode, figures: roleAreaStats })
    .from(roleAreaStats)
    .innerJoin(roles, and(eq(roles.id, roleAreaStats.roleId), eq(roles.status, 'published')))
    .where(and(eq(roleAreaStats.areaFips, area.fips), gt(roleAreaStats.roleId, afterId)))
    .orderBy(asc(roleAreaStats.roleId))
    .limit(limit);
  return rows.map(({ figures, ...role }) => ({ ...role, figures: toAreaFigures(area, figures) }));
}

/** A digest of a state's figures that changes whenever an import changes any of them. */
export async function getAreaFiguresFingerprint({ fips }: { fips: string }) {
  const [row] = await database()
    .select({ digest: sql<string>`coalesce(md5(string_agg(${roleAreaStats}::text, ',' order by ${roleAreaStats.roleId})), '')` })
    .from(roleAreaStats)
    .where(eq(roleAreaStats.areaFips, fips));
  return row?.digest ?? '';
}

export type AreaWageSummary = {
  area: Area;
  /** The mean of its occupations' mean wages, each weighted by its employment: the state's all-occupations mean, as near as the detailed estimates give it. */
  averageSalary: number | null;
  /** Employment of those occupations. */
  employment: number;
  occupations: number;
};

/** Each state's pay over the published roles with an estimate there, by state name. */
export async function listAreaWageSummaries(): Promise<AreaWageSummary[]> {
  const weighted = sql`${roleAreaStats.employment} is not null and ${roleAreaStats.averageSalary} is not null`;
  const rows = await database()
    .select({
      area: areaColumns,
      averageSalary: sql<number | null>`round(sum(${roleAreaStats.averageSalary}::bigint * ${roleAreaStats.employment}) filter (where ${weighted}) / nullif(sum(${roleAreaStats.employment}) filter (where ${weighted}), 0))::int`,
      employment: sql<number>`coalesce(sum(${roleAreaStats.employment}), 0)::int`,
      occupations: sql<number>`count(*)::int`,
    })
    .from(areas)
    .innerJoin(roleAreaStats, eq(roleAreaStats.areaFips, areas.fips))
    .innerJoin(roles, and(eq(roles.id, roleAreaStats.roleId), eq(roles.status, 'published')))
    .groupBy(areas.fips)
    .orderBy(asc(areas.name));
  return rows;
}

const publishedPairs = () =>
  database()
    .select({ slug: roles.slug, stateSlug: areas.slug })
    .from(roleAreaStats)
    .innerJoin(roles, and(eq(roles.id, roleAreaStats.roleId), eq(roles.status, 'published')))
    .innerJoin(areas, eq(areas.fips, roleAreaStats.areaFips));

/** How many role × state pages there are: published roles with figures in a state. */
export async function countPublishedRoleAreaPages() {
  const [row] = await database()
    .select({ count: sql<number>`count(*)::int` })
    .from(roleAreaStats)
    .innerJoin(roles, and(eq(roles.id, roleAreaStats.roleId), eq(roles.status, 'published')));
  return row?.count ?? 0;
}

/** One sitemap file's worth of role × state pages, in a stable order. */
export async function listPublishedRoleAreaPages({ offset, limit }: { offset: number; limit: number }) {
  return publishedPairs().orderBy(asc(roleAreaStats.roleId), asc(roleAreaStats.areaFips)).offset(offset).limit(limit);
}
