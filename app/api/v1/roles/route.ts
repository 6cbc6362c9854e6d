// GET /api/v1/roles: the listing, with the public listing's search, filters, sort and cursors.
import { readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { roleListResponse } from '@/lib/api/role-list';

export const GET = withProblemDetails((request: Request) => roleListResponse(request, new URL(request.url).searchParams, '/api/v1/roles'));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
