// Runs before routing. Anonymous visitors of /admin go to /login (for convenience only: every
// admin page and action checks the session itself). Role pages and comparisons are rendered once
// and cached, so only addresses of published roles may reach them: a made-up slug gets the 404
// page here, before anything is rendered or stored, and a comparison address is made exact.
import { NextResponse, type NextRequest } from 'next/server';
import { isDatabaseUnavailable } from '@/db/availability';
import { compareHref, isCleanRequest, parseCompareRequest } from '@/lib/compare';
import { findUnpublishedSlugs } from '@/lib/published-slugs';
import { slugSchema } from '@/lib/slug';

const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

function notFound(request: NextRequest) {
  return NextResponse.rewrite(new URL('/404', request.url), { status: 404 });
}

/** The slugs that are not published; none while the database is away (the page then answers for itself). */
async function unpublishedAmong(slugs: string[]) {
  try {
    return await findUnpublishedSlugs(slugs);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return [];
    throw error;
  }
}

async function checkRolePage(request: NextRequest, segments: string[]) {
  const [slug, ...rest] = segments;
  // Under a role's address there is only its link preview image (opengraph-image.tsx, served at
  // opengraph-image-<hash of the file>), cached like the page.
  const isPageOrImage = rest.length === 0 || (rest.length === 1 && /^opengraph-image(-[a-z0-9]+)?$/.test(rest[0]!));
  if (!isPageOrImage || !slugSchema.safeParse(slug ?? '').success) return notFound(request);
  return (await unpublishedAmong([slug!])).length > 0 ? notFound(request) : NextResponse.next();
}

async function checkComparison(request: NextRequest, segment: string) {
  let raw: string;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return notFound(request);
  }
  const compare = parseCompareRequest({ roles: raw });
  // Bad entries are explained, and missing roles named, by /compare, which is never cached.
  const explained = new URL(`/compare?roles=${encodeURIComponent(raw)}`, request.url);
  if (!isCleanRequest(compare)) return NextResponse.redirect(explained);
  if (raw !== compare.slugs.join(',')) return NextResponse.redirect(new URL(compareHref(compare.slugs), request.url));
  const unpublished = await unpublishedAmong(compare.slugs);
  if (unpublished.length === compare.slugs.length) return notFound(request);
  return unpublished.length > 0 ? NextResponse.rewrite(explained) : NextResponse.next();
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const [, section, ...segments] = pathname.split('/');
  if (section === 'compare') return checkComparison(request, segments.join('/'));
  return checkRolePage(request, segments);
}

export const config = { matcher: ['/roles/:path*', '/compare/:roles', '/admin', '/admin/:path*'] };
