// Public reads of the states (areas) and of published roles' figures in them (BLS state estimates).
import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { database } from './client';
import { percentilesFromColumns, type Percentiles } from './role-columns';
import { findPublishedRoleId } from './roles';
import { areas, roleAreaStats, roles } from './schema';

export type Area = { fips: string; postalCode: string; name: string; slug: string };

/** A role's figures in one state; null where BLS publishes none (its `*` and `**`). */
export type AreaFigures = {
  area: Area;
  employment: number | null;
  jobsPer1000: number | null;
  locationQuotient: number | null;
  averageSalary: number | null;
  percentiles: Percentiles | null;
  hourlyMean: number | null;
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
  return rows.map(({ area, figures }) => ({
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
  }));
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
