import Link from 'next/link';
import type { RoleDetail } from '@/db/role-reads';
import { compareHref } from '@/lib/server/compare';
import {
  formatAsOf,
  formatChangePercent,
  formatDegreeRequirement,
  formatEmployment,
  formatJobOpenings,
  formatList,
  NOT_KNOWN,
  NOT_PUBLISHED,
} from '@/lib/domain/format';
import { describeEdit, editOf, type FigureKey } from '@/lib/provenance';
import { formatPayMean, formatPayMedian, formatPayPercentile, payOf, type Pay } from '@/lib/pay';
import { payRangeLabels } from '@/lib/domain/role-fields';
import type { UsState } from '@/lib/us-states';

/** A pay figure in a comparison cell: annual ones as they are ("$144,570"), hourly ones with their unit ("$44.40 an hour"). */
function formatPayInline(pay: Pay, format: (pay: Pay) => string) {
  const text = format(pay);
  return pay.unit === 'hour' && text !== NOT_PUBLISHED ? `${text} an hour` : text;
}

/**
 * `figure`: where the value comes from, so a figure an editor set by hand says so beside it.
 * `known`: a row of a figure that is mostly unpublished, shown only where a compared role has it, and on a phone's card only for those roles.
 */
type Row = { label: string; value: (role: RoleDetail) => React.ReactNode; figure?: FigureKey; known?: (role: RoleDetail) => boolean };

/** The rows; in a state, its figures are named for it and the national ones say "U.S.". */
const rowsFor = (state: UsState | undefined): Row[] => [
  { label: 'Category', value: (role) => role.category.name },
  // An hourly-only occupation's pay is its hourly wage, said so in the cell ("$44.40 an hour").
  { label: state ? `Average salary in ${state.name}` : 'Average salary', value: ({ stats }) => formatPayInline(payOf(stats), formatPayMean), figure: 'averageSalary' },
  { label: state ? 'Job openings (U.S.)' : 'Job openings', value: (role) => formatJobOpenings(role.stats.jobOpenings, role.stats.jobOpeningsBasis), figure: 'jobOpenings' },
  { label: state ? `Employment in ${state.name}` : 'Employment', value: (role) => formatEmployment(role.stats.employment), figure: 'employment' },
  {
    label: state ? 'Degree requirement (U.S.)' : 'Degree requirement',
    value: (role) => formatDegreeRequirement(role.stats.degreeRequirementPercent),
    figure: 'degreeRequirementPercent',
    // BLS publishes no such share: only a role with its own source has one.
    known: (role) => role.stats.degreeRequirementPercent !== null,
  },
  { label: 'Typical education', value: (role) => role.stats.entryEducation ?? NOT_KNOWN, figure: 'entryEducation' },
  {
    label: 'Median salary',
    value: ({ stats }) => {
      const pay = payOf(stats);
      return pay.median ? formatPayInline(pay, formatPayMedian) : NOT_KNOWN;
    },
    figure: 'percentiles',
  },
  {
    label: payRangeLabels.middleHalf,
    value: ({ stats }) => {
      const pay = payOf(stats);
      if (!pay.percentiles) return NOT_KNOWN;
      const withPercentiles = { ...pay, percentiles: pay.percentiles };
      return formatPayInline(pay, () => `${formatPayPercentile(withPercentiles, 'p25')} – ${formatPayPercentile(withPercentiles, 'p75')}`);
    },
    figure: 'percentiles',
  },
  {
    label: state ? 'Employment outlook (U.S.)' : 'Employment outlook',
    value: ({ stats }) => (stats.outlook ? `${formatChangePercent(stats.outlook.changePercent)} (${stats.outlook.startYear}–${stats.outlook.endYear})` : NOT_KNOWN),
    figure: 'outlook',
  },
  { label: 'Figures as of', value: (role) => <time dateTime={role.stats.asOf}>{formatAsOf(role.stats.asOf)}</time> },
];

/** A row's value for one role, with the edit behind it where an editor set it by hand. */
function FigureValue({ row, role }: { row: Row; role: RoleDetail }) {
  const edit = row.figure ? editOf(role.stats, row.figure) : null;
  return (
    <>
      {row.value(role)}
      {edit && <span className="compare-edited">{describeEdit(edit)}</span>}
    </>
  );
}

/** "Remove" for one role: the comparison of the others. */
function RemoveLink({ role, slugs, state }: { role: RoleDetail; slugs: string[]; state: UsState | undefined }) {
  return (
    <Link href={compareHref(slugs.filter((slug) => slug !== role.slug), state)} className="compare-remove">
      Remove<span className="visually-hidden"> {role.title}</span>
    </Link>
  );
}

/**
 * The figures of the roles compared, twice over from the same rows, and CSS (components/compare.css)
 * shows one: on a wide screen a table, a column per role; on a narrow one a card per role, every
 * figure readable without scrolling sideways. The differences are in the bars that follow.
 */
export function CompareFigures({ roles, state, withoutEstimate = [] }: { roles: RoleDetail[]; state?: UsState; withoutEstimate?: string[] }) {
  const slugs = roles.map((role) => role.slug);
  const titles = formatList(roles.map((role) => role.title));
  const rows = rowsFor(state).filter((row) => !row.known || roles.some(row.known));
  // In a state, each role's own page for it, where it has one.
  const pageOf = (role: RoleDetail) => (state && !withoutEstimate.includes(role.slug) ? `/roles/${role.slug}/states/${state.slug}` : `/roles/${role.slug}`);
  const caption = state ? `Figures of ${titles} in ${state.name}` : `Figures of ${titles}`;
  return (
    <>
      <table className="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {roles.map((role) => (
              <th key={role.slug} scope="col">
                <Link href={pageOf(role)}>{role.title}</Link>
                <br />
                <RemoveLink role={role} slugs={slugs} state={state} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {roles.map((role) => (
                <td key={role.slug}>
                  <FigureValue row={row} role={role} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="compare-cards" aria-label={caption}>
        {roles.map((role) => (
          <li key={role.slug} className="compare-card">
            <div className="ends-apart compare-card__head">
              <h2 className="compare-card__title">
                <Link href={pageOf(role)}>{role.title}</Link>
              </h2>
              <RemoveLink role={role} slugs={slugs} state={state} />
            </div>
            <dl className="compare-card__figures">
              {rows
                .filter((row) => !row.known || row.known(role))
                .map((row) => (
                  <div key={row.label}>
                    <dt>{row.label}</dt>
                    <dd>
                      <FigureValue row={row} role={role} />
                    </dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
