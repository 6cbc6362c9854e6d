// Stats as the tables store them (one column per percentile, all five or none) and as the rest of
// the app passes them around (a `percentiles` object or null). Every table with stats columns —
// role_stats and role_stats_history — converts through here.
import type { RoleStats } from './schema';

export type Percentiles = { p10: number; p25: number; median: number; p75: number; p90: number };

export type StatsColumns = Pick<
  RoleStats,
  'jobOpenings' | 'averageSalary' | 'currency' | 'degreeRequirementPercent' | 'salaryP10' | 'salaryP25' | 'salaryMedian' | 'salaryP75' | 'salaryP90' | 'asOf' | 'source'
>;

export type Stats = Pick<StatsColumns, 'jobOpenings' | 'averageSalary' | 'currency' | 'degreeRequirementPercent' | 'asOf' | 'source'> & {
  percentiles: Percentiles | null;
};

/** The five percentiles, or null unless all are known (the database allows all or none). */
export function percentilesFromColumns(row: Pick<StatsColumns, 'salaryP10' | 'salaryP25' | 'salaryMedian' | 'salaryP75' | 'salaryP90'>): Percentiles | null {
  const { salaryP10: p10, salaryP25: p25, salaryMedian: median, salaryP75: p75, salaryP90: p90 } = row;
  return p10 !== null && p25 !== null && median !== null && p75 !== null && p90 !== null ? { p10, p25, median, p75, p90 } : null;
}

export function statsFromColumns(row: StatsColumns): Stats {
  return {
    jobOpenings: row.jobOpenings,
    averageSalary: row.averageSalary,
    currency: row.currency,
    degreeRequirementPercent: row.degreeRequirementPercent,
    percentiles: percentilesFromColumns(row),
    asOf: row.asOf,
    source: row.source,
  };
}

export function columnsFromStats(stats: Stats): StatsColumns {
  return {
    jobOpenings: stats.jobOpenings,
    averageSalary: stats.averageSalary,
    currency: stats.currency,
    degreeRequirementPercent: stats.degreeRequirementPercent,
    salaryP10: stats.percentiles?.p10 ?? null,
    salaryP25: stats.percentiles?.p25 ?? null,
    salaryMedian: stats.percentiles?.median ?? null,
    salaryP75: stats.percentiles?.p75 ?? null,
    salaryP90: stats.percentiles?.p90 ?? null,
    asOf: stats.asOf,
    source: stats.source,
  };
}
