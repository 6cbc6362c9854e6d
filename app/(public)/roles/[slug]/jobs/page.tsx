// One occupation's job postings: the job search with the occupation fixed by the address.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JobListing } from '@/components/jobs/job-listing';
import { getJobPage } from '@/lib/server/cached-job-reads';
import { getRoleOfParams } from '@/lib/server/cached-public-reads';
import { jobSearchLabels, parseJobSearch } from '@/lib/jobs/job-search';
import type { RawSearchParams } from '@/lib/query-params';
import { Breadcrumb } from '@/components/breadcrumb';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const role = await getRoleOfParams(params);
  if (!role) return { title: 'Role not found' };
  return {
    title: `${role.title} job postings`,
    description: `Open government job postings for ${role.title}, with the pay each publishes and the education it asks.`,
    alternates: { canonical: `/roles/${role.slug}/jobs` },
  };
}

export default async function RoleJobsPage({ params, searchParams }: Props) {
  const role = await getRoleOfParams(params);
  if (!role) notFound();
  // The address is the occupation: an `occupation` parameter is not this page's to change.
  const { search, invalid } = parseJobSearch({ ...(await searchParams), occupation: role.slug });
  const result = await getJobPage(search);
  return (
    <>
      <Breadcrumb trail={[{ href: '/jobs', label: 'Job postings' }, { href: `/roles/${role.slug}`, label: role.title }]} />
      <h1>{role.title} job postings</h1>
      <p className="lede">
        Open postings Roleboard placed in this occupation, each with the pay it publishes. Government postings are real jobs, but only part of the market.
      </p>
      <JobListing
        search={search}
        result={result}
        ignored={[...new Set(invalid.map((key) => jobSearchLabels[key]))]}
        basePath={`/roles/${role.slug}/jobs`}
        occupation={{ slug: role.slug, title: role.title }}
        fixedOccupation
      />
    </>
  );
}
