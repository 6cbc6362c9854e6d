// A role as the tables store it and as the rest of the app passes it around (the shapes
// lib/role-schemas.ts validates). Stats have a column per percentile and per outlook figure where
// the app has `percentiles` and `outlook` objects or null; both stats tables, role_stats and
// role_stats_history, convert here.
import { percentileKeys, type HourlyWages, type Outlook, type Percentiles, type PercentileKey } from '@/lib/domain/role-fields';
import { roleContentKeys, type RoleContentInput, type RoleStatsInput } from '@/lib/role-schemas';
import type { Role, RoleStats } from './schema';

/** A role row's editable content (the row may hold only those columns). */
export function contentFromRow(role: Pick<Role, keyof RoleContentInput>): RoleContentInput {
  return Object.fromEntries(roleContentKeys.map((key) => [key, role[key]])) as RoleContentInput;
}

export type { Outlook, Percentiles };
export type Stats = RoleStatsInput;

export type StatsColumns = Omit<RoleStats, 'roleId' | 'updatedAt' | 'updatedBy'>;

/** The five percentiles, or null unless all are known (the database allows all or none). */
export function percentilesFromColumns(
  row: Pick<StatsColumns, 'salaryP10' | 'salaryP25' | 'salaryMedian' | 'salaryP75' | 'salaryP90' | 'salaryTopCoded'>,
): Percentiles | null {
  const { salaryP10: p10, salaryP25: p25, salaryMedian: median, salaryP75: p75, salaryP90: p90 } = row;
  if (p10 === null || p25 === null || median === null || p75 === null || p90 === null) return null;
  const topCoded = percentileKeys.filter((key) => row.salaryTopCoded.includes(key)) as PercentileKey[];
  return { p10, p25, median, p75, p90, topCoded };
}

/** The hourly mean and percentiles, or null when BLS published neither. */
function hourlyWagesFromColumns(row: StatsColumns): HourlyWages | null {
  const mean = row.hourlyMean === null ? null : Number(row.hourlyMean);
  const { hourlyP10: p10, hourlyP25: p25, hourlyMedian: median, hourlyP75: p75, hourlyP90: p90 } = row;
  const percentiles =
    p10 === null || p25 === null || median === null || p75 === null || p90 === null
      ? null
      : {
          p10: Number(p10),
          p25: Number(p25),
          median: Number(median),
          p75: Number(p75),
          p90: Number(p90),
          topCoded: percentileKeys.filter((key) => row.hourlyTopCoded.includes(key)) as PercentileKey[],
        };
  return mean === null && percentiles === null ? null : { mean, percentiles };
}

function outlookFromColumns(row: StatsColumns): Outlook | null {
  const { outlookStartYear: startYear, outlookEndYear: endYear, outlookStartEmployment: startEmployment } = row;
  const { outlookEndEmployment: endEmployment, outlookChangePercent: changePercent } = row;
  if (startYear === null || endYear === null || startEmployment === null || endEmployment === null || changePercent === null) return null;
  return { startYear, endYear, startEmployment, endEmployment, changePercent: Number(changePercent) };
}

export function statsFromColumns(row: StatsColumns): Stats {
  return {
    employment: row.employment,
    jobOpenings: row.jobOpenings,
    jobOpeningsBasis: row.jobOpeningsBasis,
    averageSalary: row.averageSalary,
    currency: row.currency,
    degreeRequirementPercent: row.degreeRequirementPercent,
    percentiles: percentilesFromColumns(row),
    hourlyWages: hourlyWagesFromColumns(row),
    entryEducation: row.entryEducation,
    outlook: outlookFromColumns(row),
    asOf: row.asOf,
    source: row.source,
    sourceUrl: row.sourceUrl,
    editedFigures: row.editedFigures,
  };
}

export function columnsFromStats(stats: Stats): StatsColumns {
  return {
    employment: stats.employment,
    jobOpenings: stats.jobOpenings,
    jobOpeningsBasis: stats.jobOpeningsBasis,
    averageSalary: stats.averageSalary,
    currency: stats.currency,
    degreeRequirementPercent: stats.degreeRequirementPercent,
    salaryP10: stats.percentiles?.p10 ?? null,
    salaryP25: stats.percentiles?.p25 ?? null,
    salaryMedian: stats.percentiles?.median ?? null,
    salaryP75: stats.percentiles?.p75 ?? null,
    salaryP90: stats.percentiles?.p90 ?? null,
    salaryTopCoded: stats.percentiles?.topCoded ?? [],
    hourlyMean: stats.hourlyWages?.mean ?? null,
    hourlyP10: stats.hourlyWages?.percentiles?.p10 ?? null,
    hourlyP25: stats.hourlyWages?.percentiles?.p25 ?? null,
    hourlyMedian: stats.hourlyWages?.percentiles?.median ?? null,
    hourlyP75: stats.hourlyWages?.percentiles?.p75 ?? null,
    hourlyP90: stats.hourlyWages?.percentiles?.p90 ?? null,
    hourlyTopCoded: stats.hourlyWages?.percentiles?.topCoded ?? [],
    entryEducation: stats.entryEducation,
    outlookStartYear: stats.outlook?.startYear ?? null,
    outlookEndYear: stats.outlook?.endYear ?? null,
    outlookStartEmployment: stats.outlook?.startEmployment ?? null,
    outlookEndEmployment: stats.outlook?.endEmployment ?? null,
    outlookChangePercent: stats.outlook?.changePercent ?? null,
    asOf: stats.asOf,
    source: stats.source,
    sourceUrl: stats.sourceUrl,
    editedFigures: stats.editedFigures,
  };
}
