// GET /roles/{slug}/jobs/feed.json: the role's newest postings, with /jobs's other parameters.
import { problemResponse, readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { jobFeedResponse } from '@/lib/api/job-feeds';
import { roleSlugParam } from '@/lib/api/schemas';
import { getRole } from '@/lib/server/cached-public-reads';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const slug = roleSlugParam.safeParse((await params).slug);
  const role = slug.success ? await getRole(slug.data) : null;
  if (!role) return problemResponse(404, 'No published role has this slug.');
  return jobFeedResponse(request, { format: 'json', role: { slug: role.slug, title: role.title } });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
