// A role's openings from government job postings: how many are open, how many were posted in each
// source's last 12 months, the latest postings, advertised pay beside BLS's and the share asking
// for a degree, each with its sources and dates. These are Roleboard's count of postings, not the
// role's own figures (its overview's job openings and degree share), which keep their own labels.
import Link from 'next/link';
import { ChartCaption } from '@/components/charts/figure-source';
import type { JobPostingSummary, PostingFigures } from '@/db/job-reads';
import type { Percentiles } from '@/lib/domain/role-fields';
import { formatAsOf, formatCount, formatDate, formatList, formatPercent, formatSalary } from '@/lib/domain/format';
import { formatPostingCount, formatPublishedPay, postingSourceOf } from '@/lib/jobs/posting-display';
import { PayComparison } from './pay-comparison';
import { PostingSourcesNote } from './posting-sources-note';

type Props = {
  role: { slug: string; title: string };
  figures: PostingFigures | null;
  latest: JobPostingSummary[];
  /** BLS's percentiles for the role in the same area, to set advertised pay beside. */
  official: { label: string; percentiles: Percentiles; source: string; asOf: string } | null;
  /** The area of the figures: "the U.S." or a state's name. */
  area?: string;
  /** Whether the role's own figures include a job openings count, to tell the two apart. */
  hasOwnOpenings?: boolean;
  headingId?: string;
};

/** "USAJOBS, June 2025 to May 2026 (1,204 postings)". */
function describeSources(figures: PostingFigures) {
  return formatList(
    figures.sources.map(
      (source) =>
        `${postingSourceOf(source.source).name}${source.from && source.to ? `, ${formatAsOf(source.from)} to ${formatAsOf(source.to)}` : ''} (${formatPostingCount(source.recentCount)})`,
    ),
  );
}

export function RoleOpenings({ role, figures, latest, official, area, hasOwnOpenings = false, headingId = 'openings' }: Props) {
  const openCount = figures?.openCount ?? 0;
  const where = area ? ` in ${area}` : '';
  const { pay, education } = figures ?? { pay: null, education: null };
  return (
    <section aria-labelledby={headingId} className="openings">
      <h2 id={headingId}>Openings{area ? ` in ${area}` : ''}</h2>
      <p className="openings__lead">
        <strong>{openCount > 0 ? formatPostingCount(openCount, { open: true }) : 'No open postings now'}</strong>
        {where} in job postings{openCount > 0 && <> · <Link href={`/roles/${role.slug}/jobs`}>See the {role.title} postings</Link></>}
      </p>
      {hasOwnOpenings && (
        <p className="provenance">
          Counted by Roleboard from job postings; the overview’s job openings figure is the role’s own, from its own source, and is counted differently.
        </p>
      )}
      {figures && figures.recentCount > 0 && (
        <dl className="overview openings__figures">
          <div className="overview__item">
            <dt>Postings in the last 12 months</dt>
            <dd>
              <span className="overview__value">{formatCount(figures.recentCount)}</span>
              <span className="overview__detail"> {describeSources(figures)}</span>
            </dd>
          </div>
          {pay && pay.median !== null && (
            <div className="overview__item">
              <dt>Advertised pay</dt>
              <dd>
                <span className="overview__value">{formatSalary(pay.median)}</span>
                <span className="overview__detail">
                  {' '}
                  a year, the median of range midpoints; middle half {formatSalary(pay.p25 ?? pay.median)}–{formatSalary(pay.p75 ?? pay.median)}, of {formatPostingCount(pay.count)} with pay
                </span>
              </dd>
            </div>
          )}
          {education && education.degreeAskedPercent !== null && (
            <div className="overview__item">
              <dt>Ask for a bachelor’s degree or more</dt>
              <dd>
                <span className="overview__value">{formatPercent(education.degreeAskedPercent)}</span>
                <span className="overview__detail">
                  {' '}
                  {formatCount(education.degreeAskedCount)} of {formatPostingCount(education.statedCount)} that say what education they ask; postings that do not say are not counted
                </span>
              </dd>
            </div>
          )}
        </dl>
      )}
      {pay && pay.median !== null && pay.p25 !== null && pay.p75 !== null && official && (
        <PayComparison
          advertised={{ label: 'Advertised, middle half', low: pay.p25, high: pay.p75, middle: pay.median, detail: `of ${formatPostingCount(pay.count)} with pay` }}
          official={[{ label: official.label, percentiles: official.percentiles }]}
          caption={
            <ChartCaption title={`Advertised pay beside what ${role.title} earn${where}`}>
              Postings: each range’s midpoint made yearly, the middle half and median of {formatPostingCount(pay.count)} with pay ({describeSources(figures!)}). BLS: {official.source},
              as of {formatAsOf(official.asOf)}.
            </ChartCaption>
          }
        />
      )}
      {latest.length > 0 && (
        <>
          <h3>Latest postings</h3>
          <ul className="openings__latest">
            {latest.map((posting) => (
              <li key={posting.id}>
                <Link href={`/jobs/${posting.id}`}>{posting.title}</Link>
                <span className="muted">
                  {' '}
                  · {posting.employer} · posted <time dateTime={posting.postedOn}>{formatDate(posting.postedOn)}</time>
                  {posting.pay && ` · ${formatPublishedPay(posting.pay)}`}
                </span>
                {!posting.open && <strong className="job-card__closed"> · Closed</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {figures && figures.sources.length > 0 && (
        <>
          <PostingSourcesNote sources={figures.sources.map((source) => source.source)} />
          <p className="provenance">Figures computed {formatDate(figures.computedAt)}.</p>
        </>
      )}
    </section>
  );
}

/** The latest postings of a role, open ones first: what the Openings section lists. */
export function latestPostingsOpenFirst(open: JobPostingSummary[], all: JobPostingSummary[], count = 5) {
  const seen = new Set(open.map((posting) => posting.id));
  return [...open, ...all.filter((posting) => !seen.has(posting.id))].slice(0, count);
}
