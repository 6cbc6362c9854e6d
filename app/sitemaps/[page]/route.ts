import { z } from 'zod';
import { getPublishedRoleCount, getSitemapEntries } from '@/lib/public-roles';
import { buildUrlSet, SITEMAP_PAGE_SIZE, xmlResponse } from '@/lib/sitemap';

export const dynamic = 'force-dynamic';

const pageSchema = z.string().regex(/^\d{1,4}\.xml$/).transform((name) => Number.parseInt(name, 10));

export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  const page = pageSchema.safeParse((await params).page);
  // Pages past the last are refused before any lookup, so made-up numbers leave nothing cached.
  const pages = Math.max(1, Math.ceil((await getPublishedRoleCount()) / SITEMAP_PAGE_SIZE));
  if (!page.success || page.data >= pages) return xmlResponse('<?xml version="1.0" encoding="UTF-8"?>\n<error>Not found</error>\n', 404);
  const entries = await getSitemapEntries(page.data * SITEMAP_PAGE_SIZE, SITEMAP_PAGE_SIZE);
  return xmlResponse(buildUrlSet(entries, { includeHome: page.data === 0 }));
}
