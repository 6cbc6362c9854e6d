// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas.
import { jsonResponse, readOnlyMethods, unknownParamsResponse } from '@/lib/api/http';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { env } from '@/lib/env';

export function GET(request: Request) {
  return unknownParamsResponse(request, []) ?? jsonResponse(request, buildOpenApiDocument(env.SITE_URL()));
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
