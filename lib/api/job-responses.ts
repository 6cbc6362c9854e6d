// Turns the DAL's postings and posting figures into the API's documented shapes, and API query
// strings into job searches (a bad parameter is a 400 naming it, unlike the forgiving /jobs page).
import type { z } from 'zod';
import type { JobPostingDetail, JobPostingSummary, PostingFigures } from '@/db/job-reads';
import { env } from '@/lib/env';
import { encodeJobCursor, type JobCursor, type JobSearch } from '@/lib/jobs/job-search';
import { parseApiParams, type InvalidParam } from './http';
import { apiJobParams, JOB_API_PAGE_SIZE, type ApiJobParam, type apiJobListSchema, type apiJobSchema, type apiJobSummarySchema } from './job-schemas';
import { roleApiUrl, rolePageUrl } from './role-responses';
import { POSTING_FIGURES_NOTE, type apiPostingFiguresSchema } from './schemas';

export const jobPageUrl = (id: number) => `${env.SITE_URL()}/jobs/${id}`;
export const jobApiUrl = (id: number) => `${env.SITE_URL()}/api/v1/jobs/${id}`;

export function toApiJobSummary(posting: JobPostingSummary): z.infer<typeof apiJobSummarySchema> {
  return {
    id: posting.id,
    url: jobPageUrl(posting.id),
    apiUrl: jobApiUrl(posting.id),
    source: posting.source,
    title: posting.title,
    employer: posting.employer,
    locations: posting.locations,
    remote: posting.remote,
    postedOn: posting.postedOn,
    closesAt: posting.closesAt,
    open: posting.open,
    pay: posting.pay && { ...posting.pay, currency: 'USD' },
    employmentType: posting.employmentType as z.infer<typeof apiJobSummarySchema>['employmentType'],
    educationAsked: posting.educationAsked,
    role: posting.role && { ...posting.role, url: rolePageUrl(posting.role.slug), apiUrl: roleApiUrl(posting.role.slug) },
  };
}

export function toApiJob(posting: JobPostingDetail): z.infer<typeof apiJobSchema> {
  const { national, state } = posting.officialPay;
  return {
    ...toApiJobSummary(posting),
    sourceId: posting.sourceId,
    description: posting.description,
    qualifications: posting.qualifications,
    applyUrl: posting.applyUrl,
    placement: { method: posting.placement, score: posting.placementScore, evidence: posting.placementEvidence },
    officialPay: {
      national,
      state: state && { area: state.state, averageSalary: state.averageSalary, percentiles: state.percentiles, asOf: state.asOf, source: state.source },
    },
    importedAt: posting.importedAt,
    updatedAt: posting.updatedAt,
  };
}

export function toApiPostingFigures(figures: PostingFigures): z.infer<typeof apiPostingFiguresSchema> {
  return {
    openCount: figures.openCount,
    recentCount: figures.recentCount,
    pay: { ...figures.pay, currency: 'USD', basis: 'annualised range midpoints' },
    education: figures.education,
    sources: figures.sources,
    note: POSTING_FIGURES_NOTE,
    computedAt: figures.computedAt,
  };
}

/**
 * Parses a job search's query (GET /api/v1/jobs, a role's /jobs, the CSV and the feeds, each
 * taking the names in `known`): the search and page size, or every invalid parameter.
 */
export function parseApiJobParams(
  searchParams: URLSearchParams,
  known: readonly ApiJobParam[] = Object.keys(apiJobParams) as ApiJobParam[],
): { ok: true; search: JobSearch; limit: number } | { ok: false; invalidParams: InvalidParam[] } {
  const { values, invalidParams } = parseApiParams(searchParams, apiJobParams, known);
  if (invalidParams.length) return { ok: false, invalidParams: invalidParams.slice(0, 20) };
  const { limit, ...search } = values as JobSearch & { limit?: number };
  return { ok: true, search, limit: limit ?? JOB_API_PAGE_SIZE.default };
}

/** A job search as a query string, in a fixed order (one address per search, for caches). */
export function jobSearchQuery(search: JobSearch, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  const add = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== '') params.set(name, String(value));
  };
  add('q', search.q);
  add('occupation', search.occupation);
  add('state', search.state?.postalCode);
  add('city', search.city);
  add('remote', search.remote);
  add('minPay', search.minPay);
  add('maxEducation', search.maxEducation);
  add('postedWithin', search.postedWithin);
  add('status', search.status);
  add('sort', search.sort);
  for (const [name, value] of Object.entries(extra)) add(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The URL of the next page of a search at `path` (/api/v1/jobs, or a role's /api/v1/roles/{slug}/jobs, which has no occupation). */
export function jobListPageUrl(path: string, search: JobSearch, limit: number, after: JobCursor) {
  return `${env.SITE_URL()}${path}${jobSearchQuery(search, { limit: limit === JOB_API_PAGE_SIZE.default ? undefined : String(limit), after: encodeJobCursor(after) })}`;
}

export type ApiJobList = z.infer<typeof apiJobListSchema>;
