// GET /api/v1/roles/{slug}: one published role with its current stats.
import { jsonResponse, problemResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { toApiRole } from '@/lib/api/role-responses';
import { apiRoleSchema, roleSlugParam } from '@/lib/api/schemas';
import { getRole } from '@/lib/cached-public-reads';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, []);
  if (unknown) return unknown;
  const slug = roleSlugParam.safeParse((await params).slug);
  if (!slug.success) return problemResponse(404, 'No published role has this slug.');
  const role = await getRole(slug.data);
  if (!role) return problemResponse(404, 'No published role has this slug.');
  const body = apiRoleSchema.parse(toApiRole(role));
  return jsonResponse(request, body, { lastModified: new Date(body.updatedAt) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
