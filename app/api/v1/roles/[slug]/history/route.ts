// GET /api/v1/roles/{slug}/history: the role's stats over time, oldest first.
import { jsonResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { readForRoleSlug, roleNotFoundResponse, toApiHistory } from '@/lib/api/role-responses';
import { apiHistorySchema } from '@/lib/api/schemas';
import { getRoleStatsHistory } from '@/lib/server/cached-public-reads';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, []);
  if (unknown) return unknown;
  const read = await readForRoleSlug(params, getRoleStatsHistory);
  if (!read) return roleNotFoundResponse();
  const body = apiHistorySchema.parse(toApiHistory(read.slug, read.found));
  const last = body.items.at(-1);
  return jsonResponse(request, body, last ? { lastModified: new Date(last.changedAt) } : {});
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
