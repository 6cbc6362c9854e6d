// GET /api/v1/roles/{slug}: one published role with its current stats and its job postings' figures.
import { jsonResponse, readOnlyMethods } from '@/lib/api/http';
import { toApiPostingFigures } from '@/lib/api/job-responses';
import { roleSlugGet, toApiRole } from '@/lib/api/role-responses';
import { apiRoleSchema } from '@/lib/api/schemas';
import { getPostingFigures } from '@/lib/server/cached-job-reads';
import { getRole } from '@/lib/server/cached-public-reads';

export const GET = roleSlugGet(getRole, async (request, role) => {
  const postings = await getPostingFigures(role.slug);
  const body = apiRoleSchema.parse({ ...toApiRole(role), postings: postings && toApiPostingFigures(postings) });
  // The postings change without the role: Last-Modified is the later of the two, so If-Modified-Since never hides new figures.
  const lastModified = Math.max(Date.parse(body.updatedAt), body.postings ? Date.parse(body.postings.computedAt) : 0);
  return jsonResponse(request, body, { lastModified: new Date(lastModified) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
