// One file of the sitemap index (lib/sitemap.ts): role pages, state pages or role × state pages.
import { getPublishedRoleCount, getRoleAreaPageCount, getRoleAreaSitemapEntries, getSitemapEntries } from '@/lib/server/cached-public-reads';
import { buildRoleStatesUrlSet, buildStatesUrlSet, buildUrlSet, fileName, parseSitemapFile, sitemapFiles, xmlResponse } from '@/lib/sitemap';

export const dynamic = 'force-dynamic';

const notFound = () => xmlResponse('<?xml version="1.0" encoding="UTF-8"?>\n<error>Not found</error>\n', 404);

export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  const file = parseSitemapFile((await params).page);
  if (!file) return notFound();
  // Files past the last are refused before any lookup, so made-up numbers leave nothing cached.
  const [roles, roleStates] = await Promise.all([getPublishedRoleCount(), getRoleAreaPageCount()]);
  if (!sitemapFiles({ roles, roleStates }).some((known) => fileName(known) === fileName(file))) return notFound();
  if (file.kind === 'states') return xmlResponse(buildStatesUrlSet());
  if (file.kind === 'role-states') return xmlResponse(buildRoleStatesUrlSet(await getRoleAreaSitemapEntries(file.page)));
  return xmlResponse(buildUrlSet(await getSitemapEntries(file.page), { includeHome: file.page === 0 }));
}
