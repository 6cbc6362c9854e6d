// GET /api/v1/roles/{slug}/history: the role's stats over time, oldest first.
import { jsonResponse, readOnlyMethods } from '@/lib/api/http';
import { roleSlugGet, toApiHistory } from '@/lib/api/role-responses';
import { apiHistorySchema } from '@/lib/api/schemas';
import { getRoleStatsHistory } from '@/lib/server/cached-public-reads';

export const GET = roleSlugGet(getRoleStatsHistory, (request, history, slug) => {
  const body = apiHistorySchema.parse(toApiHistory(slug, history));
  const last = body.items.at(-1);
  return jsonResponse(request, body, last ? { lastModified: new Date(last.changedAt) } : {});
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
