// GET /api/v1/roles: the listing, with the public listing's search, filters, sort and cursors.
import { readOnlyMethods, jsonResponse, problemResponse, withProblemDetails } from '@/lib/api/http';
import { listPageUrl, parseApiListParams, toApiRoleSummary } from '@/lib/api/roles';
import { apiRoleListSchema } from '@/lib/api/schemas';
import { getRolePage } from '@/lib/public-roles';

export const GET = withProblemDetails(async (request: Request) => {
  const parsed = parseApiListParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const names = parsed.invalidParams.map((param) => param.name).join(', ');
    return problemResponse(400, `Invalid query parameters: ${names}.`, { invalidParams: parsed.invalidParams });
  }
  const { search, limit } = parsed;
  const page = await getRolePage(search, limit);
  const body = apiRoleListSchema.parse({
    items: page.items.map(toApiRoleSummary),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    next: page.nextCursor ? listPageUrl(search, limit, { after: page.nextCursor }) : null,
    previous: page.previousCursor ? listPageUrl(search, limit, { before: page.previousCursor }) : null,
  });
  const links = [body.next && `<${body.next}>; rel="next"`, body.previous && `<${body.previous}>; rel="prev"`].filter(Boolean);
  return jsonResponse(request, body, links.length ? { headers: { Link: links.join(', ') } } : {});
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
