// A role's figures over time, one small chart per figure that has two releases or more: average
// salary, people employed, and job openings where each release counted its own.
import type { RoleStatsHistoryEntry } from '@/db/role-reads';
import { describeDifference } from '@/lib/server/compare';
import { formatAsOf, formatCount, formatSalary } from '@/lib/domain/format';
import { averageSalaryTrend, employmentTrend, jobOpeningsTrend, type TrendPoint } from '@/lib/server/stats-history';
import { ChartCaption } from './figure-source';
import { TrendChart } from './trend-chart';

type Series = { name: string; points: TrendPoint[]; format: (value: number) => string; kind: { money: string } | 'count' };

/** The series worth drawing (two points or more) for these releases, oldest first. */
export function trendSeries(releases: RoleStatsHistoryEntry[]): Series[] {
  const currency = releases.at(-1)?.currency ?? 'USD';
  const series: Series[] = [
    { name: 'Average salary', points: averageSalaryTrend(releases), format: (value) => formatSalary(value, currency), kind: { money: currency } },
    { name: 'People employed', points: employmentTrend(releases), format: (value) => formatCount(value), kind: 'count' },
    { name: 'Job openings', points: jobOpeningsTrend(releases), format: (value) => formatCount(value), kind: 'count' },
  ];
  return series.filter((entry) => entry.points.length >= 2);
}

export function RoleTrends({ series }: { series: Series[] }) {
  return (
    <div className="trend-grid">
      {series.map(({ name, points, format, kind }) => {
        const first = points[0]!;
        const last = points.at(-1)!;
        const change = `${describeDifference(last.value, first.value, kind)} from ${formatAsOf(first.asOf)} to ${formatAsOf(last.asOf)}`;
        const description = `${points.map((point) => `${format(point.value)} in ${formatAsOf(point.asOf)}`).join(', ')}: ${change}.`;
        return (
          <figure key={name} className="chart-figure chart-figure--small">
            <ChartCaption title={name}>{change}.</ChartCaption>
            <TrendChart title={`${name} over time`} description={description} points={points} format={format} />
          </figure>
        );
      })}
    </div>
  );
}
