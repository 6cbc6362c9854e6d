import { getPublishedRoleCount, getSitemapEntries } from '@/lib/public-roles';
import { buildSitemapIndex, buildUrlSet, SITEMAP_PAGE_SIZE, xmlResponse } from '@/lib/sitemap';

export const dynamic = 'force-dynamic';

export async function GET() {
  const count = await getPublishedRoleCount();
  if (count > SITEMAP_PAGE_SIZE) return xmlResponse(buildSitemapIndex(Math.ceil(count / SITEMAP_PAGE_SIZE)));
  return xmlResponse(buildUrlSet(await getSitemapEntries(0, SITEMAP_PAGE_SIZE), { includeHome: true }));
}
