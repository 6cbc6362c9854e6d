// A role's figures over time as readers see them: one entry per release (the latest change of each
// as-of date), and the series the trend charts draw from them. The history table and the charts
// both start here, so they always show the same releases.
import type { RoleStatsHistoryEntry } from '@/db/role-reads';

export type TrendPoint = { asOf: string; value: number };

/** The latest entry of each as-of date, oldest release first. */
export function latestOfEachRelease<Entry extends Pick<RoleStatsHistoryEntry, 'asOf'>>(entries: Entry[]): Entry[] {
  return [...new Map(entries.map((entry) => [entry.asOf, entry])).values()].sort((a, b) => a.asOf.localeCompare(b.asOf));
}

type Release = Pick<RoleStatsHistoryEntry, 'asOf' | 'averageSalary' | 'employment' | 'jobOpenings' | 'jobOpeningsBasis' | 'outlook'>;

const known = (points: { asOf: string; value: number | null }[]) => points.filter((point): point is TrendPoint => point.value !== null);

export function averageSalaryTrend(releases: Release[]): TrendPoint[] {
  return known(releases.map((release) => ({ asOf: release.asOf, value: release.averageSalary })));
}

export function employmentTrend(releases: Release[]): TrendPoint[] {
  return known(releases.map((release) => ({ asOf: release.asOf, value: release.employment })));
}

/**
 * Job openings over time, counted as the latest release counts them. A projection of openings a
 * year belongs to its projection period, not to a release: releases that repeat one projection
 * show it once, so the same figure never passes for a trend.
 */
export function jobOpeningsTrend(releases: Release[]): TrendPoint[] {
  const basis = releases.at(-1)?.jobOpeningsBasis;
  const sameBasis = releases.filter((release) => release.jobOpeningsBasis === basis);
  if (basis !== 'projected-per-year') return sameBasis.map((release) => ({ asOf: release.asOf, value: release.jobOpenings }));
  const byPeriod = new Map(
    sameBasis.map((release) => [release.outlook ? `${release.outlook.startYear}-${release.outlook.endYear}` : release.asOf, release]),
  );
  return [...byPeriod.values()].map((release) => ({ asOf: release.asOf, value: release.jobOpenings }));
}
