// The headline panel of a role page: the average salary large, then what the seed page had and a
// statistics agency adds where known, each figure with a line on what it counts, and where the
// figures come from.
import type { RoleDetail } from '@/db/role-reads';
import {
  formatAsOf,
  formatChangePercent,
  formatCount,
  formatDegreeRequirement,
  formatJobOpenings,
  formatOpeningsPerYear,
  formatPeriod,
} from '@/lib/domain/format';
import { describeEdit, editOf, hasEditedFigures, type FigureKey } from '@/lib/provenance';
import { formatPayMean, formatPayMedian, formatPayPercentile, formatWage, meanLabel, medianLabel, payOf, perUnit } from '@/lib/pay';
import { payRangeLabels } from '@/lib/domain/role-fields';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `figure` names where the value comes from, when an editor may have set it by hand. */
type Item = { term: string; value: string; detail?: string; lead?: boolean; figure?: FigureKey };

/** What a degree-requirement share is a share of, in one plain sentence. */
export function describeDegreeRequirement(percent: number) {
  if (percent === 100) return 'Every job posting for this role asks for a degree (a share of postings, not of people in the job).';
  if (percent === 0) return 'No job posting for this role asks for a degree (a share of postings, not of people in the job).';
  return `${percent} in 100 job postings for this role ask for a degree (a share of postings, not of people in the job).`;
}

export function RoleOverview({ stats }: { stats: RoleDetail['stats'] }) {
  const { outlook } = stats;
  const pay = payOf(stats);
  const period = outlook ? formatPeriod(outlook.startYear, outlook.endYear) : null;
  // Beside an annual mean, the hourly one BLS publishes too, as a second line ("$69.50 an hour").
  const hourlyMean = pay.unit === 'year' && pay.mean !== null ? (stats.hourlyWages?.mean ?? null) : null;
  const items: Item[] = [
    {
      term: meanLabel[pay.unit],
      value: formatPayMean(pay),
      detail:
        pay.mean === null
          ? 'not published by the source'
          : pay.unit === 'hour'
            ? 'an hour (the source publishes hourly wages only)'
            : hourlyMean === null
              ? 'a year'
              : `a year, or ${formatWage(hourlyMean, 'hour', stats.currency)} an hour`,
      lead: true,
      figure: 'averageSalary',
    },
  ];
  if (pay.percentiles) {
    const withPercentiles = { ...pay, percentiles: pay.percentiles };
    items.push({ term: medianLabel[pay.unit], value: formatPayMedian(pay), detail: `${perUnit[pay.unit]}; half earn more, half less`, figure: pay.unit === 'hour' ? 'hourlyWages' : 'percentiles' });
    items.push({
      term: payRangeLabels.middleHalf,
      value: `${formatPayPercentile(withPercentiles, 'p25')} – ${formatPayPercentile(withPercentiles, 'p75')}`,
      detail: `${perUnit[pay.unit]}; half of those employed earn within it`,
      figure: pay.unit === 'hour' ? 'hourlyWages' : 'percentiles',
    });
  }
  items.push(
    stats.jobOpeningsBasis === 'projected-per-year'
      ? {
          term: 'Job openings',
          value: `${capitalize(formatOpeningsPerYear(stats.jobOpenings))} a year`,
          detail: period ? `projected, ${period}` : 'projected',
          figure: 'jobOpenings',
        }
      : { term: 'Job openings', value: formatJobOpenings(stats.jobOpenings), figure: 'jobOpenings' },
  );
  if (stats.employment !== null) items.push({ term: 'Employment', value: formatCount(stats.employment), detail: 'people employed', figure: 'employment' });
  if (stats.degreeRequirementPercent !== null) {
    items.push({ term: 'Degree requirement', value: formatDegreeRequirement(stats.degreeRequirementPercent), detail: describeDegreeRequirement(stats.degreeRequirementPercent), figure: 'degreeRequirementPercent' });
  }
  if (stats.entryEducation) items.push({ term: 'Typical education', value: stats.entryEducation, detail: 'typically needed to enter the occupation', figure: 'entryEducation' });
  if (outlook && period) {
    items.push({
      term: 'Employment outlook',
      value: formatChangePercent(outlook.changePercent),
      detail: `${formatCount(outlook.startEmployment)} → ${formatCount(outlook.endEmployment)}, ${period}`,
      figure: 'outlook',
    });
  }
  return (
    <div className="headline">
      <dl className="overview">
        {items.map(({ term, value, detail, lead, figure }) => {
          const edit = figure ? editOf(stats, figure) : null;
          return (
            <div className={lead ? 'overview__item overview__item--lead' : 'overview__item'} key={term}>
              <dt>{term}</dt>
              <dd>
                <span className="overview__value">{value}</span>
                {detail && <span className="overview__detail"> {detail}</span>}
                {/* Editor text, rendered as text: React escapes it. */}
                {edit && <span className="overview__edited">{describeEdit(edit)}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="provenance">
        Figures as of <time dateTime={stats.asOf}>{formatAsOf(stats.asOf)}</time>. Source:{' '}
        {stats.sourceUrl ? <a href={stats.sourceUrl}>{stats.source}</a> : stats.source}
        {hasEditedFigures(stats) && ', except the figures marked as edited by Roleboard'}
      </p>
    </div>
  );
}
