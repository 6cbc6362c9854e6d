import { getPublishedRoleCount, getRoleAreaPageCount } from '@/lib/server/cached-public-reads';
import { buildSitemapIndex, sitemapFiles, xmlResponse } from '@/lib/sitemap';

export const dynamic = 'force-dynamic';

export async function GET() {
  const [roles, roleStates] = await Promise.all([getPublishedRoleCount(), getRoleAreaPageCount()]);
  return xmlResponse(buildSitemapIndex(sitemapFiles({ roles, roleStates })));
}
