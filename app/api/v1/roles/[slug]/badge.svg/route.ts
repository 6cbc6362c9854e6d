// GET /api/v1/roles/{slug}/badge.svg[?metric=salary|openings|degree|openings-live][&state=CA]
import { badgeOptionsSchema, firstValues } from '@/lib/api/embed-options';
import { badgeOf, openPostingsBadge, renderBadge } from '@/lib/api/badge';
import { roleSlugParam } from '@/lib/api/schemas';
import { cachedResponse, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { embedStateOf } from '@/lib/api/card-role';
import { loadCardRole } from '@/lib/api/load-card-role';
import { getPostingFigures } from '@/lib/server/cached-job-reads';
import { roleNotFoundResponse } from '@/lib/api/role-responses';

type Context = { params: Promise<{ slug: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const unknown = unknownParamsResponse(request, [...Object.keys(badgeOptionsSchema.shape), 'state']);
  if (unknown) return unknown;
  const slug = roleSlugParam.safeParse((await params).slug);
  const searchParams = new URL(request.url).searchParams;
  const role = slug.success ? await loadCardRole(slug.data, embedStateOf(searchParams)) : null;
  if (!role) return roleNotFoundResponse();
  const { metric } = badgeOptionsSchema.parse(firstValues(searchParams));
  if (metric === 'openings-live') {
    const state = embedStateOf(searchParams);
    const figures = await getPostingFigures(role.slug, state ?? undefined);
    return cachedResponse(request, renderBadge(openPostingsBadge({ openCount: figures?.openCount ?? 0, state })), {
      contentType: 'image/svg+xml; charset=utf-8',
      lastModified: new Date(Math.max(Date.parse(role.stats.updatedAt), figures ? Date.parse(figures.computedAt) : 0)),
    });
  }
  return cachedResponse(request, renderBadge(badgeOf(role, metric)), {
    contentType: 'image/svg+xml; charset=utf-8',
    lastModified: new Date(role.stats.updatedAt),
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
