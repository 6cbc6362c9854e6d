// GET /api/v1/roles/{slug}/areas: the role's figures in every state (BLS state estimates).
import { jsonResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { roleNotFoundResponse, toApiRoleAreas } from '@/lib/api/role-responses';
import { apiRoleAreasSchema, roleSlugParam } from '@/lib/api/schemas';
import { getRoleAreaFigures } from '@/lib/server/cached-public-reads';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, []);
  if (unknown) return unknown;
  const slug = roleSlugParam.safeParse((await params).slug);
  const figures = slug.success ? await getRoleAreaFigures(slug.data) : null;
  if (!slug.success || !figures) return roleNotFoundResponse();
  return jsonResponse(request, apiRoleAreasSchema.parse(toApiRoleAreas(slug.data, figures)));
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
