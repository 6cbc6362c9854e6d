// Public pages rendered per request (the listing, a comparison by query) come from Next.js marked
// `no-store`, which also keeps browsers from restoring them on Back (the back/forward cache) and
// makes every visit a full download. None of them depends on who asks (public pages read no cookie),
// so the front lets any cache keep them on condition that it asks again each time: an ETag from the
// page's bytes answers an unchanged page with 304.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REVALIDATED_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

function etagOf(body: Buffer) {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

/**
 * Gives a public page an ETag of its bytes (a 304 when the client holds them), and makes a
 * per-request one revalidatable; returns the body to send (empty for a 304).
 */
export function revalidatablePage(req: IncomingMessage, res: ServerResponse, body: Buffer) {
  if (req.method !== 'GET' || res.statusCode !== 200) return body;
  if (/\bno-store\b/.test(String(res.getHeader('cache-control') ?? ''))) res.setHeader('Cache-Control', REVALIDATED_PAGE_CACHE_CONTROL);
  const etag = etagOf(body);
  res.setHeader('ETag', etag);
  if (!matches(req.headers['if-none-match'], etag)) return body;
  res.statusCode = 304;
  res.removeHeader('Content-Length');
  return Buffer.alloc(0);
}
