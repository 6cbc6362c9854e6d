// The job search: open government postings by words, occupation, place, pay, education asked and
// date, newest or best-paid first, a page at a time. Every bad parameter is ignored and named.
import type { Metadata } from 'next';
import { JobAlertForm } from '@/components/jobs/job-alert-form';
import { JobListing } from '@/components/jobs/job-listing';
import { getJobPage } from '@/lib/server/cached-job-reads';
import { getRole } from '@/lib/server/cached-public-reads';
import { env } from '@/lib/env';
import { describeAlertSearch } from '@/lib/jobs/job-alerts';
import { jobSearchLabels, parseJobSearch, toJobQueryString } from '@/lib/jobs/job-search';
import type { RawSearchParams } from '@/lib/query-params';
import { signUpForJobAlertAction } from './alerts/actions';

type Props = { searchParams: Promise<RawSearchParams> };

export const metadata: Metadata = {
  title: 'Job postings',
  description:
    'Open U.S. government job postings from USAJOBS and NYC Jobs: search by words, occupation, state, city, remote work, pay and education asked, with the pay each posting publishes.',
  alternates: { canonical: '/jobs' },
};

export default async function JobsPage({ searchParams }: Props) {
  const { search, invalid } = parseJobSearch(await searchParams);
  const role = search.occupation ? await getRole(search.occupation) : null;
  // An occupation that is no published role finds nothing: it is ignored like any bad parameter.
  if (search.occupation && !role) {
    delete search.occupation;
    invalid.push('occupation');
  }
  const result = await getJobPage(search);
  // What an alert follows: the search without its page, order and status (lib/jobs/job-alerts.ts).
  const alertQuery = toJobQueryString(search, { after: undefined, sort: undefined, status: undefined });
  return (
    <>
      <h1>{role ? `${role.title}: job postings` : 'Job postings'}</h1>
      <p className="lede">
        Open postings from U.S. government employers, each with the pay it publishes and the occupation it belongs to. Government postings are real jobs, but only part of
        the market.
      </p>
      <JobListing
        search={search}
        result={result}
        ignored={[...new Set(invalid.map((key) => jobSearchLabels[key]))]}
        basePath="/jobs"
        occupation={role ? { slug: role.slug, title: role.title } : undefined}
      />
      {env.SMTP_URL() && <JobAlertForm search={alertQuery} description={describeAlertSearch(alertQuery)} action={signUpForJobAlertAction} />}
    </>
  );
}
