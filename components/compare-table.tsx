import Link from 'next/link';
import type { RoleDetail } from '@/db/roles';
import { compareHref } from '@/lib/compare';
import {
  formatAsOf,
  formatAverageSalary,
  formatChangePercent,
  formatDegreeRequirement,
  formatEmployment,
  formatJobOpenings,
  formatList,
  formatPercentile,
  NOT_KNOWN,
} from '@/lib/format';

type Row = { label: string; value: (role: RoleDetail) => React.ReactNode };

const rows: Row[] = [
  { label: 'Category', value: (role) => role.category.name },
  { label: 'Average salary', value: (role) => formatAverageSalary(role.stats.averageSalary, role.stats.currency) },
  { label: 'Job openings', value: (role) => formatJobOpenings(role.stats.jobOpenings, role.stats.jobOpeningsBasis) },
  { label: 'Employment', value: (role) => formatEmployment(role.stats.employment) },
  { label: 'Degree requirement', value: (role) => formatDegreeRequirement(role.stats.degreeRequirementPercent) },
  { label: 'Typical education', value: (role) => role.stats.entryEducation ?? NOT_KNOWN },
  {
    label: 'Median salary',
    value: ({ stats }) => (stats.percentiles ? formatPercentile(stats.percentiles, 'median', stats.currency) : NOT_KNOWN),
  },
  {
    label: 'Middle half earns',
    value: ({ stats }) =>
      stats.percentiles
        ? `${formatPercentile(stats.percentiles, 'p25', stats.currency)} – ${formatPercentile(stats.percentiles, 'p75', stats.currency)}`
        : NOT_KNOWN,
  },
  {
    label: 'Employment outlook',
    value: ({ stats }) => (stats.outlook ? `${formatChangePercent(stats.outlook.changePercent)} (${stats.outlook.startYear}–${stats.outlook.endYear})` : NOT_KNOWN),
  },
  { label: 'Figures as of', value: (role) => <time dateTime={role.stats.asOf}>{formatAsOf(role.stats.asOf)}</time> },
];

/** One column per role, one row per figure; the table scrolls sideways on narrow screens. */
export function CompareTable({ roles }: { roles: RoleDetail[] }) {
  const slugs = roles.map((role) => role.slug);
  return (
    <div className="compare-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
      <table className="compare-table">
        <caption id="compare-caption">Figures of {formatList(roles.map((role) => role.title))}</caption>
        <thead>
          <tr>
            <td />
            {roles.map((role) => (
              <th key={role.slug} scope="col">
                <Link href={`/roles/${role.slug}`}>{role.title}</Link>
                <br />
                <Link href={compareHref(slugs.filter((slug) => slug !== role.slug))} className="compare-table__remove">
                  Remove<span className="visually-hidden"> {role.title}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {roles.map((role) => (
                <td key={role.slug}>{row.value(role)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
