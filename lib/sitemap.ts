// Sitemap XML. One file holds at most 50,000 URLs (the sitemaps.org limit); past that
// /sitemap.xml becomes an index of /sitemaps/N.xml files.
import { env } from './env';

export const SITEMAP_PAGE_SIZE = 50_000;

function escapeXml(text: string) {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function buildUrlSet(entries: { slug: string; updatedAt: string }[], { includeHome }: { includeHome: boolean }) {
  const site = env.SITE_URL();
  const urls = [
    ...(includeHome ? [`<url><loc>${escapeXml(`${site}/`)}</loc></url>`] : []),
    ...entries.map(
      (entry) => `<url><loc>${escapeXml(`${site}/roles/${entry.slug}`)}</loc><lastmod>${entry.updatedAt}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function buildSitemapIndex(pageCount: number) {
  const site = env.SITE_URL();
  const items = Array.from({ length: pageCount }, (_, page) => `<sitemap><loc>${escapeXml(`${site}/sitemaps/${page}.xml`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export function xmlResponse(body: string, status = 200) {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=3600' },
  });
}
