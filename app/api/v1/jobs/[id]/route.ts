// GET /api/v1/jobs/{id}: one posting, open or closed, with its occupation's official pay.
import { jsonResponse, problemResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { toApiJob } from '@/lib/api/job-responses';
import { apiJobSchema, jobIdParam } from '@/lib/api/job-schemas';
import { getPosting } from '@/lib/server/cached-job-reads';

type Context = { params: Promise<{ id: string }> };

const NOT_FOUND = 'No job posting has this id.';

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, []);
  if (unknown) return unknown;
  const id = jobIdParam.safeParse((await params).id);
  if (!id.success) return problemResponse(404, NOT_FOUND);
  const posting = await getPosting(id.data);
  if (!posting) return problemResponse(404, NOT_FOUND);
  const body = apiJobSchema.parse(toApiJob(posting));
  return jsonResponse(request, body, { lastModified: new Date(body.updatedAt) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
