// GET /api/v1/roles/{slug}/areas: the role's figures in every state (BLS state estimates).
import { jsonResponse, readOnlyMethods } from '@/lib/api/http';
import { roleSlugGet, toApiRoleAreas } from '@/lib/api/role-responses';
import { apiRoleAreasSchema } from '@/lib/api/schemas';
import { getRoleAreaFigures } from '@/lib/server/cached-public-reads';

export const GET = roleSlugGet(getRoleAreaFigures, (request, figures, slug) => jsonResponse(request, apiRoleAreasSchema.parse(toApiRoleAreas(slug, figures))));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
