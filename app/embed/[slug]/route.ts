// GET /embed/{slug}[?state=CA]: the role card other sites put in an iframe. Plain HTML from a route
// handler rather than a page, because a page would ship React's scripts.
import { cardPageUrl, embedStateOf } from '@/lib/api/card-role';
import { parseEmbedOptions } from '@/lib/api/embed-options';
import { cachedResponse, readOnlyMethods } from '@/lib/api/http';
import { renderWidget, escapeHtml } from '@/lib/api/widget';
import { env } from '@/lib/env';
import { loadCardRole } from '@/lib/api/load-card-role';
import { slugSchema } from '@/lib/slug';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const slug = slugSchema.safeParse((await params).slug);
  const searchParams = new URL(request.url).searchParams;
  const role = slug.success ? await loadCardRole(slug.data, embedStateOf(searchParams)) : null;
  if (!role) {
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Role not found</title></head><body><p>This role is not on <a href="${escapeHtml(
      env.SITE_URL(),
    )}" target="_blank" rel="noopener">Roleboard</a>.</p></body></html>`;
    return new Response(body, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const html = renderWidget(role, { pageUrl: cardPageUrl(role), options: parseEmbedOptions(searchParams) });
  return cachedResponse(request, html, { contentType: 'text/html; charset=utf-8', lastModified: new Date(role.stats.updatedAt) });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
