// Runs before routing, for convenience only (every admin page and action checks the session
// itself). Anonymous visitors of /admin go to /login; malformed role slugs get the 404 page
// here, before the page cache sees them, so made-up URLs are not rendered and stored.
import { NextResponse, type NextRequest } from 'next/server';
import { slugSchema } from '@/lib/slug';

const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const [, , slug, ...rest] = pathname.split('/');
  if (rest.length > 0 || !slugSchema.safeParse(slug ?? '').success) {
    return NextResponse.rewrite(new URL('/404', request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = { matcher: ['/roles/:path*', '/admin', '/admin/:path*'] };
