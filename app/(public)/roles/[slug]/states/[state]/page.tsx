// A role in one state: the state's figures beside the national ones, the state's pay spread, the
// neighbouring states' means, and where the figures come from. Cached like the role page (its
// data is the role's and the state figures'); the proxy has already made the address exact.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbedBox } from '@/components/embed-box';
import { JsonLd } from '@/components/json-ld';
import { latestPostingsOpenFirst, RoleOpenings } from '@/components/jobs/role-openings';
import { ChartCaption } from '@/components/charts/figure-source';
import { SalaryDistributionFigure } from '@/components/charts/salary-distribution';
import { StatePicker } from '@/components/state-picker';
import { TableScroll } from '@/components/table-scroll';
import type { AreaFigures } from '@/db/areas';
import type { RoleDetail } from '@/db/role-reads';
import { roleInState } from '@/lib/api/card-role';
import { env } from '@/lib/env';
import {
  formatAsOf,
  formatAverageSalary,
  formatCount,
  formatJobsPer1000,
  formatLocationQuotient,
  formatPercentile,
  formatVersusNational,
  NOT_PUBLISHED,
} from '@/lib/domain/format';
import { buildOccupationJsonLd } from '@/lib/server/json-ld';
import { describeEdit, editOf, editsOutsideStateFigures, stateFigureKeys } from '@/lib/provenance';
import { formatPayMean, formatPayMedian, formatWage, meanLabel, medianLabel, payOf, perUnit, statePayOf, type Pay } from '@/lib/pay';
import { getJobPage, getPostingFigures } from '@/lib/server/cached-job-reads';
import { getRole, getRoleAreaFigures } from '@/lib/server/cached-public-reads';
import type { PercentileKey } from '@/lib/domain/role-fields';
import { slugSchema } from '@/lib/slug';
import { stateNeighbours } from '@/lib/state-shapes';
import { findUsState } from '@/lib/us-states';
import { Breadcrumb } from '@/components/breadcrumb';
import { ColumnHeadings } from '@/components/column-headings';

type Props = { params: Promise<{ slug: string; state: string }> };

/** How many postings the Openings part lists. */
const LATEST_POSTINGS = 5;

export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

async function loadRoleInState(params: Props['params']) {
  const { slug, state: stateSlug } = await params;
  const parsed = slugSchema.safeParse(slug);
  const state = findUsState(stateSlug);
  if (!parsed.success || !state || state.slug !== stateSlug) return null;
  const [role, figures] = await Promise.all([getRole(parsed.data), getRoleAreaFigures(parsed.data)]);
  const here = figures?.find((item) => item.area.fips === state.fips);
  return role && figures && here ? { role, figures, here } : null;
}

/** The state's pay and the nation's, in one unit: annual, or hourly for an occupation BLS publishes only hourly wages for. */
function paysOf(role: RoleDetail, here: AreaFigures) {
  const pay = statePayOf(here);
  const national = payOf(role.stats);
  return { pay, national: national.unit === pay.unit ? national : null };
}

/** "+28%" and the like: the state against the nation, where both are known in the same unit. */
function versusNational(pay: Pay, national: Pay | null) {
  return pay.mean !== null && national?.mean != null ? formatVersusNational(pay.mean, national.mean) : '';
}

function headline(role: RoleDetail, here: AreaFigures) {
  const { pay, national } = paysOf(role, here);
  const versus = versusNational(pay, national);
  if (pay.mean === null) return 'no average salary is published';
  const what = pay.unit === 'hour' ? 'average hourly wage' : 'average salary';
  return `${what} ${formatWage(pay.mean, pay.unit)} ${perUnit[pay.unit]}${versus ? `, ${versus}` : ''}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadRoleInState(params);
  if (!found) return { title: 'Role not found' };
  const { role, here } = found;
  const title = `${role.title} Salaries in ${here.area.name}`;
  const employed = here.employment === null ? '' : `, ${formatCount(here.employment)} employed`;
  const description = `${role.title} in ${here.area.name}: ${headline(role, here)}${employed} (BLS, ${formatAsOf(here.asOf)}).`;
  const url = `/roles/${role.slug}/states/${here.area.slug}`;
  return { title, description, alternates: { canonical: url }, openGraph: { type: 'article', title, description, url, siteName: 'Roleboard' } };
}

/** The national figures this page shows that an editor set by hand ("average salary edited by Roleboard on …: note"). */
function nationalEdits(stats: RoleDetail['stats']) {
  return stateFigureKeys.flatMap((figure) => {
    const edit = editOf(stats, figure);
    return edit ? [describeEdit(edit, { figure }).replace(/^./, (first) => first.toLowerCase())] : [];
  });
}

type Row = { label: string; here: string; national: string; difference: string };

/** The state's figures beside the national ones, each with the difference where both are known. */
function comparisonRows(role: RoleDetail, here: AreaFigures): Row[] {
  const { stats } = role;
  const { pay, national } = paysOf(role, here);
  // In the table the column says what the difference is against: "+28%", not "+28% vs the U.S.".
  const versus = (value: number | null, nationalValue: number | null) =>
    value !== null && nationalValue !== null ? formatVersusNational(value, nationalValue).replace(/ vs the U\.S\.$/, '').replace(/^same as the U\.S\.$/, 'same') : '';
  const employment: Row = {
    label: 'Employment',
    here: here.employment === null ? NOT_PUBLISHED : formatCount(here.employment),
    national: stats.employment === null ? NOT_PUBLISHED : formatCount(stats.employment),
    difference: '',
  };
  if (pay.unit === 'hour') {
    // BLS's state estimates have the hourly mean and median only.
    const nationalPay = national ?? payOf(stats);
    return [
      { label: meanLabel.hour, here: formatPayMean(pay), national: formatPayMean(nationalPay), difference: versus(pay.mean, nationalPay.unit === 'hour' ? nationalPay.mean : null) },
      {
        label: medianLabel.hour,
        here: formatPayMedian(pay),
        national: formatPayMedian(nationalPay),
        difference: pay.median && nationalPay.median && !pay.median.topCoded && !nationalPay.median.topCoded ? versus(pay.median.value, nationalPay.median.value) : '',
      },
      employment,
    ];
  }
  const percentile = (key: PercentileKey, label: string): Row => ({
    label,
    here: here.percentiles ? formatPercentile(here.percentiles, key) : NOT_PUBLISHED,
    national: stats.percentiles ? formatPercentile(stats.percentiles, key, stats.currency) : NOT_PUBLISHED,
    // A top-coded figure is a lower bound: no difference can be stated.
    difference:
      here.percentiles && stats.percentiles && !here.percentiles.topCoded.includes(key) && !stats.percentiles.topCoded.includes(key)
        ? versus(here.percentiles[key], stats.percentiles[key])
        : '',
  });
  return [
    { label: 'Average salary', here: formatAverageSalary(here.averageSalary), national: formatAverageSalary(stats.averageSalary, stats.currency), difference: versus(here.averageSalary, stats.averageSalary) },
    percentile('median', 'Median salary'),
    percentile('p10', '10th percentile'),
    percentile('p25', '25th percentile'),
    percentile('p75', '75th percentile'),
    percentile('p90', '90th percentile'),
    employment,
  ];
}

export default async function RoleInStatePage({ params }: Props) {
  const found = await loadRoleInState(params);
  if (!found) notFound();
  const { role, figures, here } = found;
  const { stats } = role;
  const state = here.area;
  const pageUrl = `${env.SITE_URL()}/roles/${role.slug}/states/${state.slug}`;
  const neighbourFips = stateNeighbours().get(state.fips) ?? [];
  const neighbours = figures
    .filter((item) => neighbourFips.includes(item.area.fips))
    .sort((a, b) => (b.averageSalary ?? -1) - (a.averageSalary ?? -1) || a.area.name.localeCompare(b.area.name));
  const rows = comparisonRows(role, here);
  const [postingFigures, openPostings, recentPostings] = await Promise.all([
    getPostingFigures(role.slug, state),
    getJobPage({ occupation: role.slug, state }, LATEST_POSTINGS),
    getJobPage({ occupation: role.slug, state, status: 'all' }, LATEST_POSTINGS),
  ]);
  const { pay, national } = paysOf(role, here);
  const jsonLd = {
    ...buildOccupationJsonLd(
      {
        ...role,
        stats: {
          ...stats,
          averageSalary: here.averageSalary,
          percentiles: here.percentiles,
          // The state's hourly mean (BLS's state estimates have no hourly percentiles).
          hourlyWages: here.hourlyMean === null ? null : { mean: here.hourlyMean, percentiles: null },
          currency: 'USD',
          asOf: here.asOf,
          sourceUrl: here.sourceUrl,
          editedFigures: editsOutsideStateFigures(stats.editedFigures),
        },
      },
      pageUrl,
    ),
    name: `${role.title} in ${state.name}`,
    occupationLocation: { '@type': 'State', name: state.name, address: { '@type': 'PostalAddress', addressRegion: state.postalCode, addressCountry: 'US' } },
  };

  return (
    <article className="role">
      <JsonLd data={jsonLd} />
      <Breadcrumb
        trail={[
          { href: '/', label: 'Roles' },
          { href: `/roles/${role.slug}`, label: role.title },
          { href: `/states/${state.slug}`, label: state.name },
        ]}
      />
      <h1>
        {role.title} Salaries in {state.name}
      </h1>
      <p className="lede">
        {/* "… vs the U.S." already ends the sentence. */}
        {role.title} in {state.name}, beside the whole country: {headline(role, here).replace(/\.$/, '')}.
      </p>

      <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <div className="headline">
          <dl className="overview">
            <div className="overview__item overview__item--lead">
              <dt>
                {meanLabel[pay.unit]} in {state.name}
              </dt>
              <dd>
                <span className="overview__value">{formatPayMean(pay)}</span>
                <span className="overview__detail">
                  {' '}
                  {pay.mean !== null && national?.mean != null
                    ? `${perUnit[pay.unit]}: ${formatVersusNational(pay.mean, national.mean)} mean (${formatWage(national.mean, national.unit, national.currency)})`
                    : pay.mean !== null
                      ? perUnit[pay.unit]
                      : 'BLS publishes no mean wage here'}
                </span>
              </dd>
            </div>
            {pay.median && (
              <div className="overview__item">
                <dt>{medianLabel[pay.unit]}</dt>
                <dd>
                  <span className="overview__value">{formatPayMedian(pay)}</span>
                  <span className="overview__detail"> {perUnit[pay.unit]}; half earn more, half less</span>
                </dd>
              </div>
            )}
            <div className="overview__item">
              <dt>Employment</dt>
              <dd>
                <span className="overview__value">{here.employment === null ? NOT_PUBLISHED : formatCount(here.employment)}</span>
                <span className="overview__detail"> {here.employment === null ? 'BLS publishes no employment estimate here' : `people employed in ${state.name}`}</span>
              </dd>
            </div>
            {here.jobsPer1000 !== null && (
              <div className="overview__item">
                <dt>Jobs per 1,000</dt>
                <dd>
                  <span className="overview__value">{formatJobsPer1000(here.jobsPer1000)}</span>
                  <span className="overview__detail"> of every 1,000 jobs in the state</span>
                </dd>
              </div>
            )}
            {here.locationQuotient !== null && (
              <div className="overview__item">
                <dt>Concentration</dt>
                <dd>
                  <span className="overview__value">{formatLocationQuotient(here.locationQuotient)}</span>
                  <span className="overview__detail">
                    {' '}
                    times the U.S. share of jobs ({here.locationQuotient >= 1 ? 'more common here than nationally' : 'less common here than nationally'})
                  </span>
                </dd>
              </div>
            )}
            {pay.unit === 'year' && here.hourlyMean !== null && (
              <div className="overview__item">
                <dt>Hourly mean</dt>
                <dd>
                  <span className="overview__value">{formatWage(here.hourlyMean, 'hour')}</span>
                  <span className="overview__detail"> an hour</span>
                </dd>
              </div>
            )}
          </dl>
          <p className="provenance">
            {state.name}: {here.source}, as of <time dateTime={here.asOf}>{formatAsOf(here.asOf)}</time> (<a href={here.sourceUrl}>BLS state estimates</a>). U.S.:{' '}
            {stats.sourceUrl ? <a href={stats.sourceUrl}>{stats.source}</a> : stats.source}, as of <time dateTime={stats.asOf}>{formatAsOf(stats.asOf)}</time>.
            {nationalEdits(stats).map((edit) => ` U.S. ${edit}.`)}
          </p>
        </div>
      </section>

      <section aria-labelledby="against-us">
        <h2 id="against-us">{state.name} against the U.S.</h2>
        <TableScroll label={`${role.title}: ${state.name} against the U.S.`}>
          <table className="figures-table">
            <caption className="visually-hidden">
              {role.title}: {state.name}’s figures beside the national ones
            </caption>
            <ColumnHeadings columns={['Figure', state.name, 'U.S.', 'Difference']} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.here}</td>
                  <td>{row.national}</td>
                  <td>{row.difference || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {here.percentiles && (
          <SalaryDistributionFigure
            percentiles={here.percentiles}
            averageSalary={here.averageSalary}
            currency="USD"
            caption={<ChartCaption title={`How pay is spread in ${state.name}`}>BLS state estimates, {formatAsOf(here.asOf)}.</ChartCaption>}
          />
        )}
      </section>

      {postingFigures && (
        <RoleOpenings
          role={role}
          area={state.name}
          figures={postingFigures}
          latest={latestPostingsOpenFirst(openPostings.postings, recentPostings.postings, LATEST_POSTINGS)}
          official={here.percentiles ? { label: `Everyone employed, ${state.name}`, percentiles: here.percentiles, source: here.source, asOf: here.asOf } : null}
        />
      )}

      {neighbours.length > 0 && (
        <section aria-labelledby="neighbours">
          <h2 id="neighbours">Neighbouring states</h2>
          <ul className="state-ranking">
            {neighbours.map((item) => (
              <li key={item.area.fips}>
                <Link className="state-ranking__name" href={`/roles/${role.slug}/states/${item.area.slug}`}>
                  {item.area.name}
                </Link>{' '}
                <strong>{formatAverageSalary(item.averageSalary)}</strong>
                {item.averageSalary !== null && here.averageSalary !== null && (
                  <span className="state-ranking__detail"> · {formatVersusNational(item.averageSalary, here.averageSalary, state.name)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="other-states">
        <h2 id="other-states">Other states</h2>
        <p>
          <Link href={`/roles/${role.slug}#pay-by-state`}>Every state on a map</Link>, or{' '}
          <Link href={`/states/${state.slug}`}>every occupation in {state.name}</Link>.
        </p>
        <StatePicker action={`/roles/${role.slug}/states`} label={`${role.title} in another state`} selected={state} />
      </section>
      <EmbedBox siteUrl={env.SITE_URL()} role={roleInState(role, state, here)} />
    </article>
  );
}
