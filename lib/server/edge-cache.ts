// What a shared cache in front of the app (Varnish, a CDN) may keep, and under which tags. The
// HTTP front sets these on every public GET: `Cache-Control` lets shared caches keep a response
// for a day (s-maxage) while browsers revalidate (ETags make that a 304), and `xkey` names the
// cache tags (lib/cache-tags.ts) it shows, which a save purges (lib/server/edge-purge.mjs). The
// tags follow from the address alone, the same way the pages read their data:
//   /roles/{slug}[/states/{state}], /compare/{a,b}[/states/{state}]  role:{slug}… roles areas (similar roles, pay by state)
//   /embed/{slug}, /api/v1/roles/{slug}[/history|/badge.svg|/areas]  role:{slug} areas (?state=)
//   /api/v1/roles/{slug}[/jobs]  also jobs (its posting figures, its postings)
//   /jobs/feed.{atom,json}, /api/v1/jobs[/{id}], /api/v1/jobs.csv  jobs job:{id}
//   /api/v1/areas  areas
//   /developers, /jobs-without-a-degree  roles
//   /, /states[/{state}], /api/v1/roles, /api/v1/roles.csv, /api/v1/areas/{state}/roles, sitemaps  roles categories areas jobs
// Anything else public is tagged `site`: it changes only with a deploy.
import { cacheTags } from '@/lib/cache-tags';
import { slugPattern } from '@/lib/slug';

export const EDGE_TAGS_HEADER = 'xkey';
/** Tags every tagged response carries, so one purge can empty the edge (after a deploy). */
export const SITE_TAG = 'site';

const DAY = 86_400;
/** Browsers revalidate pages every time; shared caches keep them a day, purged on save, and serve stale while the app is down. */
export const EDGE_PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${DAY}, stale-while-revalidate=60, stale-if-error=${DAY}`;
/** The API, widget and badge: browsers and embedding sites may reuse them for a minute, as before. */
export const EDGE_API_CACHE_CONTROL = `public, max-age=60, s-maxage=${DAY}, stale-while-revalidate=60, stale-if-error=${DAY}`;
/** A 404 for a made-up address: kept a minute, and purged when a role of that slug is created. */
export const EDGE_NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';

const roleTags = (slugs: string[]) => slugs.filter((slug) => slugPattern.test(slug)).map(cacheTags.role);
/** Lists of roles: each role in them says its open postings, so they change with the jobs too. */
const listTags = [cacheTags.roleList, cacheTags.categories, cacheTags.areas, cacheTags.jobs];

/** The slug of a role page address (`https://…/roles/x`, `…/roles/x/states/texas`), for oEmbed's `url`. */
function slugOfRoleUrl(url: string | null) {
  const match = url ? /\/roles\/([a-z0-9-]+)(?:\/states\/[a-z-]+)?\/?$/.exec(url.split(/[?#]/, 1)[0]!) : null;
  return match ? [match[1]!] : [];
}

/** The cache tags a public response shows, or null when no shared cache may keep it. */
export function edgeTagsOf(pathname: string, searchParams: URLSearchParams): string[] | null {
  const parts = pathname.split('/').filter(Boolean);
  const [first, second, third, fourth] = parts;
  if (first === 'roles' && second) return [...roleTags([second]), cacheTags.roleList, cacheTags.areas, ...(third === 'jobs' ? [cacheTags.jobs] : []), SITE_TAG];
  if (first === 'jobs' && (second === 'feed.atom' || second === 'feed.json') && !third) return [cacheTags.jobs, SITE_TAG];
  if (first === 'compare') return [...roleTags(second ? decodeURIComponent(second).split(',') : []), cacheTags.roleList, cacheTags.areas, SITE_TAG];
  if (first === 'embed' && second) return [...roleTags([second]), cacheTags.areas, SITE_TAG];
  if (pathname === '/' || first === 'states' || first === 'sitemap.xml' || first === 'sitemaps') return [...listTags, SITE_TAG];
  if (first === 'developers' || first === 'jobs-without-a-degree') return [cacheTags.roleList, SITE_TAG];
  if (first === 'api') {
    if (second === 'v1' && third === 'roles' && fourth) {
      // The role (its posting figures) and its postings also change with the jobs.
      const showsPostings = parts.length === 4 || (parts.length === 5 && parts[4] === 'jobs');
      return [...roleTags([fourth]), cacheTags.areas, ...(showsPostings ? [cacheTags.jobs] : []), SITE_TAG];
    }
    if (second === 'v1' && third === 'jobs' && fourth) return /^[1-9][0-9]{0,14}$/.test(fourth) ? [cacheTags.job(Number(fourth)), cacheTags.jobs, SITE_TAG] : null;
    if (second === 'v1' && (third === 'jobs' || third === 'jobs.csv')) return [cacheTags.jobs, SITE_TAG];
    if (second === 'v1' && third === 'areas') return fourth ? [...listTags, SITE_TAG] : [cacheTags.areas, SITE_TAG];
    if (second === 'v1' && (third === 'roles' || third === 'roles.csv')) return [...listTags, SITE_TAG];
    if (second === 'v1' && third === 'openapi.json') return [SITE_TAG];
    if (second === 'oembed') return [...roleTags(slugOfRoleUrl(searchParams.get('url'))), SITE_TAG];
    // Health, readiness, sign-in and internal endpoints answer about this instance, now.
    return null;
  }
  if (first === 'robots.txt' || first === 'icon.svg' || first === 'favicon.ico') return [SITE_TAG];
  return null;
}

/** The Cache-Control a shared cache should follow for this response, or null to leave the app's own. */
export function edgeCacheControlOf({ kind, status }: { kind: 'page' | 'api' | 'widget'; status: number }) {
  if (status === 404) return EDGE_NOT_FOUND_CACHE_CONTROL;
  if (status !== 200) return null;
  return kind === 'page' ? EDGE_PAGE_CACHE_CONTROL : EDGE_API_CACHE_CONTROL;
}
