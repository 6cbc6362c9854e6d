// Runs before routing. Malformed role slugs are answered with the 404 page here, before the
// page cache sees them: otherwise every made-up URL would be rendered and stored.
import { NextResponse, type NextRequest } from 'next/server';
import { slugSchema } from '@/lib/slug';

export function proxy(request: NextRequest) {
  const [, , slug, ...rest] = request.nextUrl.pathname.split('/');
  if (rest.length > 0 || !slugSchema.safeParse(slug ?? '').success) {
    return NextResponse.rewrite(new URL('/404', request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = { matcher: ['/roles/:path*'] };
