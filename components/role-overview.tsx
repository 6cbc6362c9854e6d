import type { RoleDetail } from '@/db/roles';
import {
  formatAverageSalary,
  formatChangePercent,
  formatCount,
  formatDegreeRequirement,
  formatJobOpenings,
  formatOpeningsPerYear,
  formatPeriod,
} from '@/lib/format';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Item = { term: string; value: string; detail?: string };

/** The headline figures: those the seed page had, then what a statistics agency adds where known. */
export function RoleOverview({ stats }: { stats: RoleDetail['stats'] }) {
  const { outlook } = stats;
  const period = outlook ? formatPeriod(outlook.startYear, outlook.endYear) : null;
  const items: Item[] = [
    stats.jobOpeningsBasis === 'projected-per-year'
      ? { term: 'Job openings', value: `${capitalize(formatOpeningsPerYear(stats.jobOpenings))} a year`, detail: period ? `projected, ${period}` : 'projected' }
      : { term: 'Job openings', value: formatJobOpenings(stats.jobOpenings) },
    { term: 'Average Salary', value: formatAverageSalary(stats.averageSalary, stats.currency) },
  ];
  if (stats.degreeRequirementPercent !== null) items.push({ term: 'Degree Requirement', value: formatDegreeRequirement(stats.degreeRequirementPercent) });
  if (stats.employment !== null) items.push({ term: 'Employment', value: formatCount(stats.employment), detail: 'people employed' });
  if (stats.entryEducation) items.push({ term: 'Typical Education', value: stats.entryEducation, detail: 'to enter the occupation' });
  if (outlook && period) {
    items.push({
      term: 'Employment Outlook',
      value: formatChangePercent(outlook.changePercent),
      detail: `${formatCount(outlook.startEmployment)} → ${formatCount(outlook.endEmployment)}, ${period}`,
    });
  }
  return (
    <dl className="overview">
      {items.map(({ term, value, detail }) => (
        <div className="overview__item" key={term}>
          <dt>{term}</dt>
          <dd>
            {value}
            {detail && <span className="overview__detail"> {detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
