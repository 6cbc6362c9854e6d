// One page of roles as the API answers it, for GET /api/v1/roles and a state's
// GET /api/v1/areas/{state}/roles: a 400 naming every bad parameter, or the page with its links.
import { getRolePage } from '@/lib/server/cached-public-reads';
import { jsonResponse, problemResponse } from './http';
import { listPageUrl, parseApiListParams, toApiRoleSummary } from './role-responses';
import { apiRoleListSchema } from './schemas';

export async function roleListResponse(request: Request, searchParams: URLSearchParams, path: string) {
  const parsed = parseApiListParams(searchParams);
  if (!parsed.ok) {
    const names = parsed.invalidParams.map((param) => param.name).join(', ');
    return problemResponse(400, `Invalid query parameters: ${names}.`, { invalidParams: parsed.invalidParams });
  }
  const { search, limit, placeFromText } = parsed;
  const page = await getRolePage(search, limit);
  const body = apiRoleListSchema.parse({
    items: page.items.map(toApiRoleSummary),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    next: page.nextCursor ? listPageUrl(search, limit, { after: page.nextCursor }, path) : null,
    previous: page.previousCursor ? listPageUrl(search, limit, { before: page.previousCursor }, path) : null,
    searchedAs: placeFromText ? { q: search.q ?? null, area: placeFromText.state } : null,
    correctedQ: page.correctedText,
  });
  const links = [body.next && `<${body.next}>; rel="next"`, body.previous && `<${body.previous}>; rel="prev"`].filter(Boolean);
  return jsonResponse(request, body, links.length ? { headers: { Link: links.join(', ') } } : {});
}
