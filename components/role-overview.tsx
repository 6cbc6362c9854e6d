import type { RoleDetail } from '@/db/roles';
import {
  formatAverageSalary,
  formatChangePercent,
  formatCount,
  formatDegreeRequirement,
  formatEmployment,
  formatJobOpenings,
  formatPeriod,
} from '@/lib/format';

/** The headline figures: those the seed page had, then what a statistics agency adds where known. */
export function RoleOverview({ stats }: { stats: RoleDetail['stats'] }) {
  const { outlook } = stats;
  const period = outlook && formatPeriod(outlook.startYear, outlook.endYear);
  const items: [string, string][] = [
    ['Job openings', `${formatJobOpenings(stats.jobOpenings, stats.jobOpeningsBasis)}${stats.jobOpeningsBasis === 'projected-per-year' && period ? ` (${period})` : ''}`],
    ['Average Salary', formatAverageSalary(stats.averageSalary, stats.currency)],
  ];
  if (stats.degreeRequirementPercent !== null) items.push(['Degree Requirement', formatDegreeRequirement(stats.degreeRequirementPercent)]);
  if (stats.employment !== null) items.push(['Employment', formatEmployment(stats.employment)]);
  if (stats.entryEducation) items.push(['Typical Education', stats.entryEducation]);
  if (outlook) {
    items.push([
      'Employment Outlook',
      `${formatChangePercent(outlook.changePercent)} from ${outlook.startYear} to ${outlook.endYear} (${formatCount(outlook.startEmployment)} → ${formatCount(outlook.endEmployment)})`,
    ]);
  }
  return (
    <dl className="overview">
      {items.map(([term, value]) => (
        <div className="overview__item" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
