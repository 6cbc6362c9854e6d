// One job posting in full: what its publisher says (as text), its pay as published and made yearly,
// where it comes from, the occupation Roleboard placed it in and how, and its pay beside BLS's
// figures for that occupation. An open posting carries JobPosting JSON-LD; a closed one says it is
// closed, carries none and asks not to be indexed; 90 days after closing it is gone (410, proxy.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChartCaption } from '@/components/charts/figure-source';
import { JsonLd } from '@/components/json-ld';
import { PayComparison, type OfficialPayRow } from '@/components/jobs/pay-comparison';
import { PostingSourcesNote } from '@/components/jobs/posting-sources-note';
import { PostingText } from '@/components/jobs/posting-text';
import { EMPLOYER_POSTING_SOURCE, getApplyEmailOfPosting } from '@/db/employer-postings';
import type { JobPostingDetail } from '@/db/job-reads';
import { getPosting } from '@/lib/server/cached-job-reads';
import { KEPT_AFTER_CLOSING_DAYS } from '@/lib/jobs/job-search';
import { env } from '@/lib/env';
import { formatAsOf, formatDate, formatPercent, formatSalary } from '@/lib/domain/format';
import { educationAskedLabel } from '@/lib/jobs/job-search';
import {
  describeAnnualisation,
  employmentTypeLabels,
  formatPostingLocations,
  formatPublishedPay,
  isWebAddress,
  postingSourceOf,
} from '@/lib/jobs/posting-display';
import { jobPostingJsonLd } from '@/lib/server/json-ld';
import { Breadcrumb } from '@/components/breadcrumb';

type Props = { params: Promise<{ id: string }> };

// Rendered per request from the cached posting (lib/server/cached-job-reads.ts): whether a posting is
// closed, or gone, depends on the time of the request, and an id that is no posting is not cached
// at all, which a page kept as static refuses at run time.
export const dynamic = 'force-dynamic';

const DAY_MS = 86_400_000;

/** When it closed or closes: its closing date, or 30 days after posting without one (db/job-reads.ts isOpenPosting). */
function closingOf(posting: JobPostingDetail) {
  return posting.closesAt ? new Date(posting.closesAt) : new Date(Date.parse(`${posting.postedOn}T00:00:00Z`) + 30 * DAY_MS);
}

async function loadPosting(params: Props['params']) {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) return null;
  // A posting closed for more than 90 days never gets here: proxy.ts answers 410 for it.
  return getPosting(Number(id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const posting = await loadPosting(params);
  if (!posting) return { title: 'Posting not found' };
  const title = `${posting.title} at ${posting.employer}`;
  const pay = posting.pay ? `, ${formatPublishedPay(posting.pay)}` : '';
  return {
    title,
    description: `${posting.title}, ${posting.employer}, ${formatPostingLocations(posting)}${pay}. ${posting.open ? 'Open' : 'Closed'} ${posting.source === EMPLOYER_POSTING_SOURCE ? 'job posting on Roleboard, from the employer' : `government job posting from ${postingSourceOf(posting.source).name}`}.`,
    alternates: { canonical: `/jobs/${posting.id}` },
    // A closed posting stays readable for a while, but search engines should drop it.
    ...(!posting.open && { robots: { index: false, follow: true } }),
  };
}

function placementOf(posting: JobPostingDetail) {
  if (posting.placement === 'unplaced' || !posting.role) return 'Not yet placed in an occupation.';
  if (posting.placement === 'editor') return 'Placed by a Roleboard editor.';
  const confidence = posting.placementScore === null ? '' : ` (confidence ${formatPercent(posting.placementScore * 100)})`;
  return `Placed by title${confidence}${posting.placementEvidence ? `: ${posting.placementEvidence}` : ''}.`;
}

function PostingPayComparison({ posting }: { posting: JobPostingDetail }) {
  const { pay, officialPay, role } = posting;
  if (!pay || !role) return null;
  const official: OfficialPayRow[] = [];
  if (officialPay.state?.percentiles) official.push({ label: `${role.title}, ${officialPay.state.state.name} (BLS)`, percentiles: officialPay.state.percentiles });
  if (officialPay.national?.percentiles) official.push({ label: `${role.title}, U.S. (BLS)`, percentiles: officialPay.national.percentiles });
  const low = pay.annualMin ?? pay.annualMax;
  const high = pay.annualMax ?? pay.annualMin;
  if (official.length === 0 || low === null || high === null) return null;
  const sources = [officialPay.state, officialPay.national].flatMap((figures) => (figures?.percentiles ? [figures] : []));
  return (
    <PayComparison
      advertised={{ label: 'This posting', low, high, middle: pay.annualMid, detail: pay.period === 'year' ? 'a year' : 'a year, made yearly' }}
      official={official}
      caption={
        <ChartCaption title={`This posting’s pay beside what ${role.title} earn`}>
          BLS: {sources.map((figures) => `${figures.source}, as of ${formatAsOf(figures.asOf)}`).filter((text, index, all) => all.indexOf(text) === index).join('; ')}. The posting:
          its advertised range{pay.period === 'year' ? '' : ', made yearly'}.
        </ChartCaption>
      }
    />
  );
}

export default async function PostingPage({ params }: Props) {
  const posting = await loadPosting(params);
  if (!posting) notFound();
  const { pay } = posting;
  const source = postingSourceOf(posting.source);
  const originalUrl = source.originalUrl?.(posting.sourceId) ?? (isWebAddress(posting.applyUrl) ? posting.applyUrl : null);
  const annualisation = pay ? describeAnnualisation(pay) : null;
  const closing = closingOf(posting).toISOString();
  // An employer may take applications by email, which job_postings (web links only) does not keep.
  const applyEmail = posting.open && posting.source === EMPLOYER_POSTING_SOURCE && !posting.applyUrl ? await getApplyEmailOfPosting(posting.id) : null;
  return (
    <article className="posting">
      {posting.open && <JsonLd data={jobPostingJsonLd(posting, `${env.SITE_URL()}/jobs/${posting.id}`)} />}
      <Breadcrumb trail={[{ href: '/jobs', label: 'Job postings' }, ...(posting.role ? [{ href: `/roles/${posting.role.slug}/jobs`, label: posting.role.title }] : [])]} />
      <h1>{posting.title}</h1>
      <p className="lede">
        {posting.employer} · {formatPostingLocations(posting)}
      </p>
      {!posting.open && (
        <p className="notice notice--closed" role="status">
          <strong>
            This posting closed on <time dateTime={closing}>{formatDate(closing)}</time>.
          </strong>{' '}
          It no longer takes applications; it stays here for reference until {KEPT_AFTER_CLOSING_DAYS} days after closing.
        </p>
      )}

      <section aria-labelledby="posting-facts" className="headline">
        <h2 id="posting-facts" className="visually-hidden">
          The posting at a glance
        </h2>
        <dl className="overview">
          <div className="overview__item overview__item--lead">
            <dt>Pay</dt>
            <dd>
              <span className="overview__value">{pay ? formatPublishedPay(pay) : 'Not stated'}</span>
              {pay && pay.period !== 'year' && pay.annualMin !== null && (
                <span className="overview__detail">
                  {' '}
                  {pay.annualMax !== null && pay.annualMax !== pay.annualMin ? `${formatSalary(pay.annualMin)}–${formatSalary(pay.annualMax)}` : formatSalary(pay.annualMin)} a year
                  {annualisation && ` (${annualisation})`}
                </span>
              )}
              {!pay && <span className="overview__detail"> the publisher gave no pay</span>}
            </dd>
          </div>
          <div className="overview__item">
            <dt>Posted</dt>
            <dd>
              <span className="overview__value">
                <time dateTime={posting.postedOn}>{formatDate(posting.postedOn)}</time>
              </span>
            </dd>
          </div>
          <div className="overview__item">
            <dt>{posting.open ? 'Closes' : 'Closed'}</dt>
            <dd>
              <span className="overview__value">
                <time dateTime={closing}>{formatDate(closing)}</time>
              </span>
              {!posting.closesAt && <span className="overview__detail"> no closing date given: 30 days after posting</span>}
            </dd>
          </div>
          <div className="overview__item">
            <dt>Employment type</dt>
            <dd>
              <span className="overview__value">{employmentTypeLabels[posting.employmentType] ?? 'Not stated'}</span>
            </dd>
          </div>
          <div className="overview__item">
            <dt>Education asked</dt>
            <dd>
              <span className="overview__value">{educationAskedLabel(posting.educationAsked)}</span>
            </dd>
          </div>
          <div className="overview__item">
            <dt>{posting.locations.length > 1 ? 'Locations' : 'Location'}</dt>
            <dd>
              <span className="overview__value">{formatPostingLocations(posting, { all: true })}</span>
            </dd>
          </div>
        </dl>
        {posting.open && isWebAddress(posting.applyUrl) && (
          <p className="posting__apply">
            <a className="button" href={posting.applyUrl} rel="nofollow ugc noopener">
              Apply on {new URL(posting.applyUrl).hostname}
            </a>
          </p>
        )}
        {applyEmail && (
          <p className="posting__apply">
            To apply, email <a href={`mailto:${applyEmail}`}>{applyEmail}</a>.
          </p>
        )}
      </section>

      <section aria-labelledby="description">
        <h2 id="description">Description</h2>
        <div className="posting-text">{posting.description ? <PostingText text={posting.description} /> : <p>The publisher gave no description.</p>}</div>
        {posting.qualifications && (
          <>
            <h3>Qualifications</h3>
            <div className="posting-text">
              <PostingText text={posting.qualifications} />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="occupation">
        <h2 id="occupation">Occupation</h2>
        <p>
          {posting.role && (
            <>
              <Link href={`/roles/${posting.role.slug}`}>{posting.role.title}</Link>.{' '}
            </>
          )}
          {placementOf(posting)}
        </p>
        <PostingPayComparison posting={posting} />
      </section>

      <section aria-labelledby="source">
        <h2 id="source">Source</h2>
        <p>
          Published by {source.credit}, posting {posting.sourceId}
          {originalUrl ? (
            <>
              :{' '}
              <a href={originalUrl} rel="nofollow ugc noopener">
                the original posting
              </a>
              .
            </>
          ) : (
            '.'
          )}{' '}
          Imported <time dateTime={posting.importedAt}>{formatDate(posting.importedAt)}</time>.
        </p>
        <PostingSourcesNote sources={[posting.source]} />
      </section>
    </article>
  );
}
