// One page of postings as the API answers it, for GET /api/v1/jobs and a role's
// GET /api/v1/roles/{slug}/jobs: a 400 naming every bad parameter, or the page with its next link.
import { getJobPage } from '@/lib/server/cached-job-reads';
import { jsonResponse, problemResponse } from './http';
import { jobListPageUrl, parseApiJobParams, toApiJobSummary } from './job-responses';
import { apiJobListSchema, apiJobParams, type ApiJobParam } from './job-schemas';

export const invalidParamsResponse = (invalidParams: { name: string; reason: string }[]) =>
  problemResponse(400, `Invalid query parameters: ${invalidParams.map((param) => param.name).join(', ')}.`, { invalidParams });

const everyParam = Object.keys(apiJobParams) as ApiJobParam[];
/** A role's postings take every parameter but the occupation, which is the role's. */
export const roleJobParams = everyParam.filter((name) => name !== 'occupation');

export async function jobListResponse(request: Request, { path, occupation }: { path: string; occupation?: string }) {
  const parsed = parseApiJobParams(new URL(request.url).searchParams, occupation ? roleJobParams : everyParam);
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams);
  const { search, limit } = parsed;
  const page = await getJobPage(occupation ? { ...search, occupation } : search, limit);
  const body = apiJobListSchema.parse({
    items: page.postings.map(toApiJobSummary),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    next: page.nextCursor ? jobListPageUrl(path, search, limit, page.nextCursor) : null,
  });
  return jsonResponse(request, body, body.next ? { headers: { Link: `<${body.next}>; rel="next"` } } : {});
}
