// Public pages rendered per request (the listing, a comparison by query) come from Next.js marked
// `no-store`, which also keeps browsers from restoring them on Back (the back/forward cache) and
// makes every visit a full download. None of them depends on who asks (public pages read no cookie),
// so the front lets any cache keep them on condition that it asks again each time: an ETag from the
// page's bytes answers an unchanged page with 304.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagOf, matchesEtag } from '@/lib/api/http';

export const REVALIDATED_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * Gives a public page an ETag of its bytes (a 304 when the client holds them), and makes a
 * per-request one revalidatable; returns the body to send (empty for a 304).
 */
export function revalidatablePage(req: IncomingMessage, res: ServerResponse, body: Buffer) {
  if (req.method !== 'GET' || res.statusCode !== 200) return body;
  if (/\bno-store\b/.test(String(res.getHeader('cache-control') ?? ''))) res.setHeader('Cache-Control', REVALIDATED_PAGE_CACHE_CONTROL);
  // Weak: the front may compress the page, so the bytes sent are not always these.
  const etag = `W/${etagOf(body)}`;
  res.setHeader('ETag', etag);
  const ifNoneMatch = req.headers['if-none-match'];
  if (!ifNoneMatch || !matchesEtag(ifNoneMatch, etag)) return body;
  res.statusCode = 304;
  res.removeHeader('Content-Length');
  return Buffer.alloc(0);
}
