// Sitemap XML. /sitemap.xml is an index of files of at most 50,000 URLs each (the sitemaps.org
// limit): /sitemaps/N.xml the role pages (the first with the home page), /sitemaps/states.xml the
// state pages, /sitemaps/states-N.xml the role × state pages.
import { env } from './env';
import { usStates } from './us-states';

export const SITEMAP_PAGE_SIZE = 50_000;

/** A file of the index, as its name in /sitemaps/{name}: `3.xml`, `states.xml`, `states-0.xml`. */
export type SitemapFile = { kind: 'roles'; page: number } | { kind: 'states' } | { kind: 'role-states'; page: number };

export function parseSitemapFile(name: string): SitemapFile | null {
  if (name === 'states.xml') return { kind: 'states' };
  const match = /^(states-)?(\d{1,4})\.xml$/.exec(name);
  if (!match) return null;
  const page = Number.parseInt(match[2]!, 10);
  return match[1] ? { kind: 'role-states', page } : { kind: 'roles', page };
}

export function fileName(file: SitemapFile) {
  return file.kind === 'states' ? 'states.xml' : `${file.kind === 'roles' ? '' : 'states-'}${file.page}.xml`;
}

const pagesFor = (count: number) => Math.max(1, Math.ceil(count / SITEMAP_PAGE_SIZE));

/** Every file of the index, for this many roles and role × state pages. */
export function sitemapFiles({ roles, roleStates }: { roles: number; roleStates: number }): SitemapFile[] {
  return [
    ...Array.from({ length: pagesFor(roles) }, (_, page) => ({ kind: 'roles', page }) as const),
    { kind: 'states' } as const,
    ...Array.from({ length: roleStates === 0 ? 0 : pagesFor(roleStates) }, (_, page) => ({ kind: 'role-states', page }) as const),
  ];
}

function escapeXml(text: string) {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function urlSet(urls: { path: string; lastmod?: string }[]) {
  const site = env.SITE_URL();
  const lines = urls.map(({ path, lastmod }) => `<url><loc>${escapeXml(`${site}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

/** The pages the first file lists before the roles: the listing and its landing pages. */
const HOME_PATHS = ['/', '/jobs-without-a-degree'];

export function buildUrlSet(entries: { slug: string; updatedAt: string }[], { includeHome }: { includeHome: boolean }) {
  return urlSet([...(includeHome ? HOME_PATHS.map((path) => ({ path })) : []), ...entries.map((entry) => ({ path: `/roles/${entry.slug}`, lastmod: entry.updatedAt }))]);
}

export function buildStatesUrlSet() {
  return urlSet([{ path: '/states' }, ...usStates.map((state) => ({ path: `/states/${state.slug}` }))]);
}

export function buildRoleStatesUrlSet(entries: { slug: string; stateSlug: string }[]) {
  return urlSet(entries.map((entry) => ({ path: `/roles/${entry.slug}/states/${entry.stateSlug}` })));
}

export function buildSitemapIndex(files: SitemapFile[]) {
  const site = env.SITE_URL();
  const items = files.map((file) => `<sitemap><loc>${escapeXml(`${site}/sitemaps/${fileName(file)}`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export function xmlResponse(body: string, status = 200) {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=3600' },
  });
}
