// GET /api/v1/areas: the 50 states and DC, with the codes the state endpoints take.
import { jsonResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { apiAreaListSchema } from '@/lib/api/schemas';
import { getAreas } from '@/lib/server/cached-public-reads';

export const GET = withProblemDetails(async (request: Request) => unknownParamsResponse(request, []) ?? jsonResponse(request, apiAreaListSchema.parse({ items: await getAreas() })));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
