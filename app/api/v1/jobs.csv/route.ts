// GET /api/v1/jobs.csv: the postings /api/v1/jobs finds (same parameters, no cursor or page size),
// as CSV, at most JOB_CSV_MAX_ROWS rows in the search's order. Built per request: the filters
// include free text, so there is no small set of files worth keeping; shared caches keep it under
// the `jobs` tag like every job answer (lib/server/edge-cache.ts), and its ETag is of its bytes.
import { searchJobPostings } from '@/db/job-reads';
import { cachedResponse, readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { jobCsvHeader, jobCsvRows } from '@/lib/api/job-csv';
import { invalidParamsResponse } from '@/lib/api/job-list';
import { parseApiJobParams } from '@/lib/api/job-responses';
import { apiJobParams, JOB_CSV_MAX_ROWS, type ApiJobParam } from '@/lib/api/job-schemas';
import { isPublishedSlug } from '@/lib/server/published-slugs';

const BATCH_SIZE = 1000;
const csvParams = (Object.keys(apiJobParams) as ApiJobParam[]).filter((name) => name !== 'after' && name !== 'limit');

export const GET = withProblemDetails(async (request: Request) => {
  const parsed = parseApiJobParams(new URL(request.url).searchParams, csvParams);
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams);
  const { search } = parsed;
  const lines = [jobCsvHeader()];
  // An occupation that is not a published role finds nothing, as on /jobs.
  if (!search.occupation || (await isPublishedSlug(search.occupation))) {
    let rows = 0;
    for (let page = await searchJobPostings(search, BATCH_SIZE); ; page = await searchJobPostings({ ...search, after: page.nextCursor! }, BATCH_SIZE)) {
      lines.push(jobCsvRows(page.postings.slice(0, JOB_CSV_MAX_ROWS - rows)));
      rows += page.postings.length;
      if (!page.nextCursor || rows >= JOB_CSV_MAX_ROWS) break;
    }
  }
  return cachedResponse(request, lines.join(''), {
    contentType: 'text/csv; charset=utf-8; header=present',
    headers: { 'Content-Disposition': 'inline; filename="roleboard-jobs.csv"' },
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
