// GET /api/v1/roles/{slug}/areas: the role's figures in every state (BLS state estimates).
import { jsonResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { readForRoleSlug, roleNotFoundResponse, toApiRoleAreas } from '@/lib/api/role-responses';
import { apiRoleAreasSchema } from '@/lib/api/schemas';
import { getRoleAreaFigures } from '@/lib/server/cached-public-reads';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, []);
  if (unknown) return unknown;
  const read = await readForRoleSlug(params, getRoleAreaFigures);
  if (!read) return roleNotFoundResponse();
  return jsonResponse(request, apiRoleAreasSchema.parse(toApiRoleAreas(read.slug, read.found)));
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
