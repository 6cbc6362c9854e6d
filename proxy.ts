// Runs before routing. Anonymous visitors of /admin go to /login (for convenience only: every
// admin page and action checks the session itself); signed-in ones get a nonce CSP. Role pages and comparisons are rendered once
// and cached, so only addresses of published roles may reach them: a made-up slug gets the 404
// page here, before anything is rendered or stored, and a comparison address is made exact, as
// is a state's (its slug, from a postal code or the state picker's GET form).
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { isDatabaseUnavailable } from '@/db/availability';
import { getPostingAddressState } from '@/db/job-reads';
import { env } from '@/lib/env';
import { compareHref, isCleanRequest, parseCompareRequest } from '@/lib/server/compare';
import { findUnpublishedSlugs } from '@/lib/server/published-slugs';
import { pageContentSecurityPolicy } from '@/lib/server/security-headers';
import { SESSION_COOKIE_NAMES } from '@/lib/framework-contract.mjs';
import { slugSchema } from '@/lib/slug';
import { findUsState } from '@/lib/us-states';

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

/**
 * A state's address under `base`: `base/states?state=CA` (the state picker's GET form) and
 * `base/states/CA` go to `base/states/california`; an unknown state is a 404. Null when the
 * address is already the state's.
 */
function stateAddress(request: NextRequest, base: string, rest: string[]): NextResponse | null {
  const picked = rest.length === 0 ? request.nextUrl.searchParams.get('state') : rest.length === 1 ? rest[0]! : null;
  const state = picked === null ? null : findUsState(picked);
  // The picker sent without a state: back to where it was.
  if (!state) return rest.length === 0 && !picked ? NextResponse.redirect(new URL(base || '/states', request.url)) : notFound(request);
  return rest[0] === state.slug ? null : NextResponse.redirect(new URL(`${base}/states/${state.slug}`, request.url), 308);
}

/** A role's postings (/roles/{slug}/jobs) and their Atom and JSON feeds. */
function isRoleJobsAddress(rest: string[]) {
  return rest[0] === 'jobs' && (rest.length === 1 || (rest.length === 2 && (rest[1] === 'feed.atom' || rest[1] === 'feed.json')));
}

async function checkRolePage(request: NextRequest, segments: string[]) {
  const [slug, ...rest] = segments;
  if (!slugSchema.safeParse(slug ?? '').success) return notFound(request);
  if (rest[0] === 'states') {
    // The role's page for a state (an unknown state is a 404 without a lookup).
    const redirect = rest.length <= 2 ? stateAddress(request, `/roles/${slug}`, rest.slice(1)) : notFound(request);
    if (redirect) return redirect;
  } else if (!(rest.length === 0 || (rest.length === 1 && /^opengraph-image(-[a-z0-9]+)?$/.test(rest[0]!)) || isRoleJobsAddress(rest))) {
    // Under a role's address there is otherwise only its link preview image (opengraph-image.tsx,
    // served at opengraph-image-<hash of the file>), cached like the page, and its postings' feeds.
    return notFound(request);
  }
  return (await unpublishedAmong([slug!])).length > 0 ? notFound(request) : NextResponse.next();
}

/** `/states?state=CA` (the picker) and `/states/CA` go to `/states/california`; an unknown state is a 404. */
function checkStatePage(request: NextRequest, segments: string[]) {
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) {
    return request.nextUrl.searchParams.has('state') ? (stateAddress(request, '', []) ?? NextResponse.next()) : NextResponse.next();
  }
  if (segments.length > 1) return notFound(request);
  return stateAddress(request, '', segments) ?? NextResponse.next();
}

/**
 * A comparison's address, `/compare/a,b` or `/compare/a,b/states/california`, made exact: bad
 * entries and unpublished roles go to /compare to be explained, a postal code to the state's slug,
 * an unknown state is a 404.
 */
async function checkComparison(request: NextRequest, segments: string[]) {
  const [segment = '', ...rest] = segments;
  if (rest.length > 0 && (rest.length !== 2 || rest[0] !== 'states')) return notFound(request);
  const state = rest.length > 0 ? findUsState(rest[1]!) : null;
  if (rest.length > 0 && !state) return notFound(request);
  let raw: string;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return notFound(request);
  }
  const compare = parseCompareRequest({ roles: raw });
  // Bad entries are explained, and missing roles named, by /compare, which is never cached.
  const explained = new URL(`/compare?roles=${encodeURIComponent(raw)}${state ? `&state=${state.slug}` : ''}`, request.url);
  if (!isCleanRequest(compare)) return NextResponse.redirect(explained);
  if (raw !== compare.slugs.join(',') || (state && rest[1] !== state.slug)) return NextResponse.redirect(new URL(compareHref(compare.slugs, state ?? undefined), request.url));
  const unpublished = await unpublishedAmong(compare.slugs);
  if (unpublished.length === compare.slugs.length) return notFound(request);
  return unpublished.length > 0 ? NextResponse.rewrite(explained) : NextResponse.next();
}

/**
 * A posting's address: a made-up id is a 404 before anything is rendered, and a posting closed for
 * more than 90 days is gone, 410 (search engines drop the address; the page says why).
 */
async function checkPostingPage(request: NextRequest, segments: string[]) {
  const [id] = segments;
  if (segments.length === 1 && (id === 'feed.atom' || id === 'feed.json')) return NextResponse.next();
  if (segments.length !== 1 || !/^[1-9][0-9]{0,15}$/.test(id!) || !Number.isSafeInteger(Number(id))) return notFound(request);
  let state: Awaited<ReturnType<typeof getPostingAddressState>>;
  try {
    state = await getPostingAddressState({ id: Number(id) });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return NextResponse.next();
    throw error;
  }
  if (state === 'unknown') return notFound(request);
  return state === 'removed' ? NextResponse.rewrite(new URL('/jobs/removed', request.url), { status: 410 }) : NextResponse.next();
}

/**
 * A signed-in page with a CSP of its own nonce. These pages are rendered per request anyway (they
 * read the session), so Next.js can put the nonce on every script it writes, which it reads from
 * the request's Content-Security-Policy header (Next.js's CSP guide); the same policy goes out with
 * the response, and the HTTP front leaves it be. Public pages keep the front's hashes: they are
 * rendered once and kept.
 */
function withNoncePolicy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({
    nonce: randomBytes(16).toString('base64'),
    https: env.SITE_URL().startsWith('https:'),
    dev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/') || pathname === '/employer' || pathname.startsWith('/employer/')) {
    if (SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) return withNoncePolicy(request);
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const [, section, ...segments] = pathname.split('/');
  if (section === 'compare') return checkComparison(request, segments);
  if (section === 'states') return checkStatePage(request, segments);
  if (section === 'jobs') return checkPostingPage(request, segments);
  return checkRolePage(request, segments);
}

export const config = { matcher: ['/roles/:path*', '/compare/:roles', '/compare/:roles/states/:state', '/states', '/states/:path*', '/jobs/:id', '/admin', '/admin/:path*', '/employer', '/employer/:path*'] };
