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

/** "Remove" for one role: the comparison of the others. */
function RemoveLink({ role, slugs }: { role: RoleDetail; slugs: string[] }) {
  return (
    <Link href={compareHref(slugs.filter((slug) => slug !== role.slug))} className="compare-remove">
      Remove<span className="visually-hidden"> {role.title}</span>
    </Link>
  );
}

/**
 * The figures of the roles compared, twice over from the same rows, and CSS (app/compare.css)
 * shows one: on a wide screen a table, a column per role; on a narrow one a card per role, every
 * figure readable without scrolling sideways. The differences are in the bars that follow.
 */
export function CompareFigures({ roles }: { roles: RoleDetail[] }) {
  const slugs = roles.map((role) => role.slug);
  const titles = formatList(roles.map((role) => role.title));
  return (
    <>
      <table className="compare-table">
        <caption>Figures of {titles}</caption>
        <thead>
          <tr>
            <td />
            {roles.map((role) => (
              <th key={role.slug} scope="col">
                <Link href={`/roles/${role.slug}`}>{role.title}</Link>
                <br />
                <RemoveLink role={role} slugs={slugs} />
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

      <ul className="compare-cards" aria-label={`Figures of ${titles}`}>
        {roles.map((role) => (
          <li key={role.slug} className="compare-card">
            <div className="compare-card__head">
              <h2 className="compare-card__title">
                <Link href={`/roles/${role.slug}`}>{role.title}</Link>
              </h2>
              <RemoveLink role={role} slugs={slugs} />
            </div>
            <dl className="compare-card__figures">
              {rows.map((row) => (
                <div key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{row.value(role)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
