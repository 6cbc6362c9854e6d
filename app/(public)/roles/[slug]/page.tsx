import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbedBox } from '@/components/embed-box';
import { JsonLd } from '@/components/json-ld';
import { latestPostingsOpenFirst, RoleOpenings } from '@/components/jobs/role-openings';
import { Paragraphs } from '@/components/paragraphs';
import { RoleOverview } from '@/components/role-overview';
import { CategorySalaryRangeFigure } from '@/components/charts/category-salary-range';
import { ChartCaption, FigureSource } from '@/components/charts/figure-source';
import { OutlookFigure } from '@/components/charts/outlook-chart';
import { RoleTrends, trendSeries } from '@/components/charts/role-trends';
import { SalaryDistributionFigure } from '@/components/charts/salary-distribution';
import { StatePayMap } from '@/components/charts/state-pay-map';
import { StatePicker } from '@/components/state-picker';
import { compareHref } from '@/lib/server/compare';
import { env } from '@/lib/env';
import { AlsoCalled } from '@/components/also-called';
import { RoleHistoryTable } from '@/components/role-history-table';
import { formatAsOf, formatCount, formatJobOpenings, formatPeriod } from '@/lib/domain/format';
import { describePayBriefly, formatPayMeanWithUnit, payOf } from '@/lib/pay';
import { buildOccupationJsonLd } from '@/lib/server/json-ld';
import { getJobPage, getPostingFigures } from '@/lib/server/cached-job-reads';
import { getCategorySalaries, getRoleAreaFigures, getRoleOfParams, getRoleStatsHistory, getSimilarRoles } from '@/lib/server/cached-public-reads';
import { renderSalaryTemplate } from '@/lib/salary-template';
import { latestOfEachRelease } from '@/lib/server/stats-history';
import { Breadcrumb } from '@/components/breadcrumb';

type Props = { params: Promise<{ slug: string }> };

/** How many postings the Openings section lists. */
const LATEST_POSTINGS = 5;

// Role pages are rendered on first request and then served from the cache until an edit
// invalidates their tags; none are built ahead of time (there may be 100,000).
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const role = await getRoleOfParams(params);
  if (!role) return { title: 'Role not found' };
  const { stats } = role;
  const pay = payOf(stats);
  const title = `${role.title} Average Salaries and Statistics`;
  const figures = [
    pay.mean !== null && `${pay.unit === 'hour' ? 'average hourly wage' : 'average salary'} ${formatPayMeanWithUnit(pay)}`,
    formatJobOpenings(stats.jobOpenings, stats.jobOpeningsBasis),
    stats.degreeRequirementPercent !== null && `${stats.degreeRequirementPercent}% degree requirement`,
    stats.entryEducation && `typical education: ${stats.entryEducation}`,
  ].filter(Boolean);
  const description = `${role.title}: ${figures.join(', ')}. ${role.summary}`;
  const url = `/roles/${role.slug}`;
  return {
    title,
    description,
    alternates: {
      canonical: url,
      // oEmbed discovery: consumers given the page URL find the embed from here.
      types: { 'application/json+oembed': `/api/oembed?${new URLSearchParams({ url: `${env.SITE_URL()}${url}`, format: 'json' })}` },
    },
    openGraph: { type: 'article', title, description, url, siteName: 'Roleboard' },
    twitter: { card: 'summary_large_image', title, description },
  };
}

export default async function RolePage({ params }: Props) {
  const role = await getRoleOfParams(params);
  if (!role) notFound();
  const { stats } = role;
  const pay = payOf(stats);
  const [similarRoles, history, categorySalaries, stateFigures, postingFigures, openPostings, recentPostings] = await Promise.all([
    getSimilarRoles(role.slug),
    getRoleStatsHistory(role.slug),
    // A role without percentiles is shown against its category's averages instead.
    stats.percentiles || stats.averageSalary === null ? null : getCategorySalaries(role.category.slug, stats.currency),
    getRoleAreaFigures(role.slug),
    getPostingFigures(role.slug),
    getJobPage({ occupation: role.slug }, LATEST_POSTINGS),
    getJobPage({ occupation: role.slug, status: 'all' }, LATEST_POSTINGS),
  ]);
  const releases = latestOfEachRelease(history ?? []);
  const trends = trendSeries(releases);
  const salaryText = renderSalaryTemplate(role.salaryTemplate, role);
  const pageUrl = `${env.SITE_URL()}/roles/${role.slug}`;

  return (
    <article className="role">
      <JsonLd data={buildOccupationJsonLd(role, pageUrl)} />
      <Breadcrumb trail={[{ href: '/', label: 'Roles' }, { href: `/?category=${role.category.slug}`, label: role.category.name }]} />
      <h1>{role.title} Average Salaries and Statistics</h1>
      {/* The figures first: on a phone they are the first screen, before the definition. */}
      <section aria-labelledby="overview">
        <h2 id="overview" className="visually-hidden">
          Overview
        </h2>
        <RoleOverview stats={stats} />
      </section>
      <p className="lede">{role.summary}</p>
      {(role.socCode || role.alternativeTitles.length > 0) && (
        <div className="role-names">
          {role.socCode && (
            <p>
              <abbr title="Standard Occupational Classification">SOC</abbr> code {role.socCode}
            </p>
          )}
          <AlsoCalled titles={role.alternativeTitles} />
        </div>
      )}

      <section aria-labelledby="average-salary">
        <h2 id="average-salary">{pay.unit === 'hour' ? 'Hourly Wages' : 'Average Salary'}</h2>
        <Paragraphs text={salaryText} />
        {pay.percentiles && (
          <SalaryDistributionFigure
            percentiles={pay.percentiles}
            averageSalary={pay.mean}
            currency={pay.currency}
            unit={pay.unit}
            caption={
              <ChartCaption title="How pay is spread">
                <FigureSource stats={stats} figures={['percentiles', 'averageSalary']} />
              </ChartCaption>
            }
          />
        )}
        {stats.averageSalary !== null && categorySalaries && categorySalaries.averageSalaries.length > 1 && (
          <CategorySalaryRangeFigure
            role={{ slug: role.slug, title: role.title, averageSalary: stats.averageSalary }}
            categoryName={role.category.name}
            range={categorySalaries}
            caption={
              <ChartCaption title={`Against other ${role.category.name} roles`}>
                The published average of each {role.category.name} role on Roleboard, each from its own source.
              </ChartCaption>
            }
          />
        )}
      </section>

      <RoleOpenings
        role={role}
        figures={postingFigures}
        latest={latestPostingsOpenFirst(openPostings.postings, recentPostings.postings, LATEST_POSTINGS)}
        official={
          pay.unit === 'year' && pay.percentiles ? { label: 'Everyone employed, U.S.', percentiles: pay.percentiles, source: stats.source, asOf: stats.asOf } : null
        }
        hasOwnOpenings
      />

      {stateFigures && stateFigures.length > 0 && (
        <section aria-labelledby="pay-by-state">
          <h2 id="pay-by-state">Pay by state</h2>
          <p>
            What the occupation pays depends on where it is done. BLS estimates for {stateFigures.length === 51 ? 'all 50 states and DC' : `${stateFigures.length} states and areas`},{' '}
            as of <time dateTime={stateFigures[0]!.asOf}>{formatAsOf(stateFigures[0]!.asOf)}</time> (<a href={stateFigures[0]!.sourceUrl}>BLS state estimates</a>).
          </p>
          <StatePicker action={`/roles/${role.slug}/states`} label={`${role.title} in a state`} />
          <StatePayMap role={role} figures={stateFigures} />
        </section>
      )}

      {releases.length > 1 && (
        <section aria-labelledby="over-time">
          <h2 id="over-time">Over time</h2>
          <p className="provenance">Each release’s figures as its source published them; the overview names the latest source.</p>
          <RoleTrends series={trends} />
          <RoleHistoryTable title={role.title} entries={releases} />
        </section>
      )}

      {stats.outlook && (
        <section aria-labelledby="outlook">
          <h2 id="outlook">Employment outlook</h2>
          <OutlookFigure
            outlook={stats.outlook}
            openingsPerYear={stats.jobOpeningsBasis === 'projected-per-year' ? stats.jobOpenings : null}
            caption={
              <ChartCaption title={`Projected ${formatPeriod(stats.outlook.startYear, stats.outlook.endYear)}`}>
                <FigureSource stats={stats} figures={['outlook']} />
              </ChartCaption>
            }
          />
          {role.socCode && stats.employment !== null && stats.employment !== stats.outlook.startEmployment && (
            // Two surveys, two counts: a reader seeing both on one page deserves the reason.
            <p className="provenance">
              Why two employment figures: the overview’s {formatCount(stats.employment)} is BLS’s Occupational Employment and Wage Statistics count of wage and
              salary jobs as of {formatAsOf(stats.asOf)}; the projection starts from the Employment Projections’ {formatCount(stats.outlook.startEmployment)} for{' '}
              {stats.outlook.startYear}, which counts all jobs, the self-employed’s included.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="responsibilities">
        <h2 id="responsibilities">Responsibilities</h2>
        <Paragraphs text={role.responsibilitiesIntro} />
        <ul>
          {role.responsibilities.map((responsibility, index) => (
            <li key={index}>{responsibility}</li>
          ))}
        </ul>
        <Paragraphs text={role.responsibilitiesOutro} />
      </section>

      <section aria-labelledby="how-to-become">
        {/* A SOC title names the occupation in the plural ("Software Developers"), which "a …?" would not fit. */}
        <h2 id="how-to-become">{role.socCode ? 'How to Enter This Occupation' : `How to Become a ${role.title}?`}</h2>
        <Paragraphs text={role.howToBecomeIntro} />
        <ol className="steps">
          {role.howToBecomeSteps.map((step, index) => (
            <li key={index}>
              <h3>{step.heading}</h3>
              <p>{step.body}</p>
            </li>
          ))}
        </ol>
        <Paragraphs text={role.howToBecomeOutro} />
      </section>
      {role.contentAttribution && <p className="attribution">{role.contentAttribution}</p>}

      <section aria-labelledby="similar-roles" className="similar-roles">
        <h2 id="similar-roles">Similar roles</h2>
        {similarRoles.length > 0 ? (
          <ul>
            {similarRoles.map((similar) => (
              <li key={similar.id}>
                <Link href={`/roles/${similar.slug}`}>{similar.title}</Link>{' '}
                <span className="muted">
                  · {describePayBriefly(payOf({ ...similar, hourlyWages: { mean: similar.hourlyMean, percentiles: null } }))} ·
                </span>{' '}
                <Link href={compareHref([role.slug, similar.slug])}>
                  Compare<span className="visually-hidden"> with {similar.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>No other {role.category.name} roles yet.</p>
        )}
        <p>
          <Link href={compareHref([role.slug])}>Compare {role.title} with other roles</Link>
        </p>
      </section>
      <EmbedBox siteUrl={env.SITE_URL()} role={role} />
    </article>
  );
}
