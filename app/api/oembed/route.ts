// GET /api/oembed?url=<role page>&format=json|xml[&maxwidth&maxheight]: oEmbed 1.0, type "rich".
// A role's page for a state (/roles/{slug}/states/{state}), or `state`, gives that state's card.
import { defaultEmbedOptions, firstValues } from '@/lib/api/embed-options';
import { iframeSize, iframeSnippet } from '@/lib/api/embed-snippet';
import { cachedResponse, jsonResponse, problemResponse, readOnlyMethods, type InvalidParam, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { oembedParamsSchema, oembedSchema } from '@/lib/api/schemas';
import { env } from '@/lib/env';
import { loadCardRole } from '@/lib/api/load-card-role';
import { findUsState } from '@/lib/us-states';
import { slugSchema } from '@/lib/slug';

const CACHE_AGE_SECONDS = 3600;

/** The slug (and state) of one of our role pages, or null for any other URL. */
function rolePageOf(url: string) {
  const parsed = new URL(url);
  const site = new URL(env.SITE_URL());
  if (parsed.host !== site.host) return null;
  const match = /^\/roles\/([^/]+)(?:\/states\/([^/]+))?\/?$/.exec(parsed.pathname);
  const slug = slugSchema.safeParse(match?.[1]);
  const state = match?.[2] === undefined ? null : findUsState(match[2]);
  if (!slug.success || (match?.[2] !== undefined && !state)) return null;
  return { slug: slug.data, state };
}

export const GET = withProblemDetails(async (request: Request) => {
  const unknown = unknownParamsResponse(request, Object.keys(oembedParamsSchema.shape));
  if (unknown) return unknown;
  const parsed = oembedParamsSchema.safeParse(firstValues(new URL(request.url).searchParams));
  if (!parsed.success) {
    const invalidParams: InvalidParam[] = parsed.error.issues.map((issue) => ({ name: String(issue.path[0] ?? 'url'), reason: issue.message }));
    return problemResponse(400, `Invalid query parameters: ${invalidParams.map((param) => param.name).join(', ')}.`, { invalidParams });
  }
  const { url, format, maxwidth, maxheight } = parsed.data;
  const page = rolePageOf(url);
  const role = page ? await loadCardRole(page.slug, parsed.data.state ?? page.state) : null;
  if (!role) return problemResponse(404, 'This URL is not a Roleboard role page.');

  // The full card where it fits the consumer's maxheight, else the compact one.
  const compact = maxheight !== undefined && maxheight < iframeSize(role, { compact: false }).height;
  const options = { ...defaultEmbedOptions, compact };
  const maxSize = { width: maxwidth, height: maxheight };
  const { width, height } = iframeSize(role, options, maxSize);
  const siteUrl = env.SITE_URL();
  const body = oembedSchema.parse({
    type: 'rich',
    version: '1.0',
    title: role.inState ? `${role.title} Salaries in ${role.inState.state.name}` : `${role.title} Average Salaries and Statistics`,
    provider_name: 'Roleboard',
    provider_url: siteUrl,
    cache_age: CACHE_AGE_SECONDS,
    html: iframeSnippet(siteUrl, role, options, maxSize),
    width,
    height,
  });
  const lastModified = new Date(role.stats.updatedAt);
  if (format === 'xml') return cachedResponse(request, oembedXml(body), { contentType: 'text/xml; charset=utf-8', lastModified });
  return jsonResponse(request, body, { lastModified });
});

/** oEmbed's XML format: the same fields as elements of <oembed>, text escaped. */
function oembedXml(body: Record<string, string | number>) {
  const escape = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
  const fields = Object.entries(body).map(([name, value]) => `<${name}>${escape(String(value))}</${name}>`);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join('')}</oembed>\n`;
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
