// GET /api/v1/roles/{slug}/jobs: the role's postings, with /api/v1/jobs's parameters but `occupation`.
import { readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { jobListResponse } from '@/lib/api/job-list';
import { roleSlugParam } from '@/lib/api/schemas';
import { getRole } from '@/lib/server/cached-public-reads';
import { roleNotFoundResponse } from '@/lib/api/role-responses';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const slug = roleSlugParam.safeParse((await params).slug);
  if (!slug.success || !(await getRole(slug.data))) return roleNotFoundResponse();
  return jobListResponse(request, { path: `/api/v1/roles/${slug.data}/jobs`, occupation: slug.data });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
