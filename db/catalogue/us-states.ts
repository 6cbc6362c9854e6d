// The U.S. catalogue's state figures: BLS OEWS May 2024 state estimates for every detailed
// occupation in the 50 states and DC (db/data/us-occupations/oews_state_M2024.csv.gz; its
// PROVENANCE.md says where it comes from and how BLS's markers were restored). Loaded after the
// national catalogue, whose roles they attach to by SOC code. Running it again changes nothing.
import { eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../connection';
import { areas, roleAreaStats, roles } from '../schema';
import { readGzippedCsv } from './us-occupations';
import { percentileKeys, type PercentileKey } from '@/lib/domain/role-fields';
import { slugify } from '@/lib/slug';
import { usStateByFips } from '@/lib/us-states';

const release = {
  fileName: 'oews_state_M2024.csv.gz',
  asOf: '2024-05-01',
  source: 'U.S. Bureau of Labor Statistics: Occupational Employment and Wage Statistics, May 2024, state estimates',
  sourceUrl: 'https://www.bls.gov/oes/2024/may/oessrcst.htm',
  // BLS's top codes: `#` means at or above them.
  annualWageTopCode: 239_200,
  hourlyWageTopCode: 115,
} as const;

type CsvRow = Record<string, string>;
export type AreaRow = typeof areas.$inferInsert;
export type RoleAreaRow = Omit<typeof roleAreaStats.$inferInsert, 'roleId'> & { socCode: string };

const annualWageColumns: Record<PercentileKey, string> = { p10: 'A_PCT10', p25: 'A_PCT25', median: 'A_MEDIAN', p75: 'A_PCT75', p90: 'A_PCT90' };

function cellOf(row: CsvRow, column: string) {
  const cell = row[column];
  if (cell === undefined) throw new Error(`Missing ${column} of ${row.AREA} ${row.OCC_CODE}`);
  return cell;
}

/** A published number, or null for the marker that says there is none. Anything else is refused, never guessed at. */
function estimate(row: CsvRow, column: string, none: '*' | '**'): number | null {
  const cell = cellOf(row, column);
  if (cell === none) return null;
  if (/^\d+(\.\d+)?$/.test(cell)) return Number(cell);
  throw new Error(`Unexpected BLS estimate "${cell}" in ${column} of ${row.AREA} ${row.OCC_CODE}`);
}

/** The state file as rows for `areas` and `role_area_stats` (by SOC code), markers kept. */
export function loadUsStateFigures(): { areas: AreaRow[]; figures: RoleAreaRow[] } {
  const rows = readGzippedCsv(release.fileName).filter((row) => row.O_GROUP === 'detailed');
  const areasByFips = new Map<string, AreaRow>();
  const figures = rows.map((row): RoleAreaRow => {
    const fips = cellOf(row, 'AREA');
    const name = cellOf(row, 'AREA_TITLE');
    if (!areasByFips.has(fips)) {
      const area = { fips, postalCode: cellOf(row, 'PRIM_STATE'), name, slug: slugify(name) };
      const known = usStateByFips(fips);
      if (!known || JSON.stringify(known) !== JSON.stringify(area)) throw new Error(`The state file names an area lib/us-states.ts does not: ${JSON.stringify(area)}`);
      areasByFips.set(fips, area);
    }

    const topCoded = percentileKeys.filter((key) => cellOf(row, annualWageColumns[key]) === '#');
    const percentile = (key: PercentileKey) => (topCoded.includes(key) ? release.annualWageTopCode : estimate(row, annualWageColumns[key], '*'));
    const hourlyMedianTopCoded = cellOf(row, 'H_MEDIAN') === '#';
    return {
      socCode: cellOf(row, 'OCC_CODE'),
      areaFips: fips,
      employment: estimate(row, 'TOT_EMP', '**'),
      jobsPer1000: estimate(row, 'JOBS_1000', '**'),
      locationQuotient: estimate(row, 'LOC_QUOTIENT', '**'),
      averageSalary: estimate(row, 'A_MEAN', '*'),
      salaryP10: percentile('p10'),
      salaryP25: percentile('p25'),
      salaryMedian: percentile('median'),
      salaryP75: percentile('p75'),
      salaryP90: percentile('p90'),
      salaryTopCoded: topCoded,
      hourlyMean: estimate(row, 'H_MEAN', '*'),
      hourlyMedian: hourlyMedianTopCoded ? release.hourlyWageTopCode : estimate(row, 'H_MEDIAN', '*'),
      hourlyMedianTopCoded,
      asOf: release.asOf,
      source: release.source,
      sourceUrl: release.sourceUrl,
    };
  });
  return { areas: [...areasByFips.values()].sort((a, b) => a.name.localeCompare(b.name)), figures };
}

const BATCH = 2_000;

/**
 * Loads the areas and every role's state figures, replacing what an earlier run loaded. Figures
 * of occupations the catalogue has no role for are left out and counted.
 */
export async function importUsStateFigures(db: Database): Promise<{ areas: number; figures: number; withoutRole: number }> {
  const loaded = loadUsStateFigures();
  return db.transaction(async (tx) => {
    await tx
      .insert(areas)
      .values(loaded.areas)
      .onConflictDoUpdate({ target: areas.fips, set: { postalCode: sql`excluded.postal_code`, name: sql`excluded.name`, slug: sql`excluded.slug` } });
    const roleIds = new Map(
      (await tx.select({ id: roles.id, socCode: roles.socCode }).from(roles).where(isNotNull(roles.socCode))).map((role) => [role.socCode!, role.id]),
    );
    const rows = loaded.figures.flatMap(({ socCode, ...figures }) => {
      const roleId = roleIds.get(socCode);
      return roleId === undefined ? [] : [{ ...figures, roleId }];
    });
    const { roleId, areaFips, ...figureColumns } = getTableColumns(roleAreaStats);
    const updated = Object.fromEntries(Object.entries(figureColumns).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]));
    for (let start = 0; start < rows.length; start += BATCH) {
      await tx
        .insert(roleAreaStats)
        .values(rows.slice(start, start + BATCH))
        .onConflictDoUpdate({ target: [roleAreaStats.roleId, roleAreaStats.areaFips], set: updated });
    }
    return { areas: loaded.areas.length, figures: rows.length, withoutRole: loaded.figures.length - rows.length };
  });
}

/** Whether any state figures are loaded (a database from before them gets them on its next start). */
export async function hasStateFigures(db: Database) {
  const [row] = await db.select({ found: sql<number>`1` }).from(roleAreaStats).innerJoin(areas, eq(areas.fips, roleAreaStats.areaFips)).limit(1);
  return row !== undefined;
}
