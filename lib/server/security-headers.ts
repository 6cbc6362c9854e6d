// The security headers of every response, decided by what the path serves. The HTTP front
// (lib/server/http-server.ts) sets them before Next.js answers, so errors and refusals carry them too.
import { createHash } from 'node:crypto';
import { NEXT_ASSET_PATH_PREFIX } from '@/lib/framework-contract.mjs';

/** What a path serves, as far as its headers are concerned. */
export type ResponseKind = 'page' | 'admin' | 'widget' | 'api' | 'asset';

export function responseKindOf(pathname: string): ResponseKind {
  if (pathname.startsWith(NEXT_ASSET_PATH_PREFIX) || pathname === '/favicon.ico') return 'asset';
  if (pathname.startsWith('/embed/')) return 'widget';
  // Auth.js's endpoints answer with the session: ours alone, like the admin pages. The employers'
  // area and its sign-up links are signed-in pages too: personal, with forms that post.
  if (/^\/(admin|employer)(\/|$)/.test(pathname) || pathname === '/login' || pathname.startsWith('/api/auth/') || pathname.startsWith('/join/')) return 'admin';
  if (pathname.startsWith('/api/')) return 'api';
  return 'page';
}

/** Other sites embed the widget, the badge and the API; everything else is ours alone. */
function isEmbeddedElsewhere(kind: ResponseKind) {
  return kind === 'widget' || kind === 'api';
}

// Features a browser could grant to a page; Roleboard uses none of them.
const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation', 'gyroscope',
  'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock',
  'serial', 'usb', 'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** HSTS once the public origin is https: a year, so one visit protects the next ones. */
export const HSTS = 'max-age=31536000';

/** Headers for every response of this kind, except the page CSP, which depends on the HTML (see pageContentSecurityPolicy). */
export function baseSecurityHeaders(kind: ResponseKind, { https }: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Resource-Policy': isEmbeddedElsewhere(kind) ? 'cross-origin' : 'same-origin',
  };
  if (https) headers['Strict-Transport-Security'] = HSTS;
  if (kind === 'widget') {
    // Made to be framed by any site: it loads nothing and runs nothing.
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";
  } else {
    headers['X-Frame-Options'] = 'DENY';
    // JSON, CSV and SVG badges run nothing, even when opened on their own.
    if (kind === 'api') headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    if (kind === 'page' || kind === 'admin') headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  }
  return headers;
}

/**
 * The CSP of an HTML page. Next.js inlines its bootstrap and the page's data as <script> elements
 * that differ on every page. Public pages are rendered once and kept, so a nonce would force them
 * to render per request: the front hashes the inline scripts of each response (after the page came
 * out of the cache) and allows exactly those. Signed-in pages (admin, employer) render per request
 * anyway: proxy.ts gives each a nonce, which Next.js puts on its scripts. Either way our own script
 * files ('self'), no 'unsafe-inline', and 'unsafe-eval' only in development (fast refresh needs it).
 */
export function pageContentSecurityPolicy({ scriptHashes = [], nonce, https, dev = false }: { scriptHashes?: string[]; nonce?: string; https: boolean; dev?: boolean }) {
  const inlineScripts = [...(nonce ? [`'nonce-${nonce}'`] : []), ...scriptHashes.map((hash) => `'${hash}'`)];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts, ...(dev ? ["'unsafe-eval'"] : [])].join(' '),
    // React and Next.js set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** sha256 CSP sources of a document's inline scripts; data blocks (JSON-LD) run nothing and need none. */
export function inlineScriptHashes(html: string) {
  const hashes = new Set<string>();
  for (const [, attributes = '', content = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['text/javascript', 'application/javascript', 'module'].includes(type)) continue;
    hashes.add(`sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** For the front's own error pages: plain HTML with inline CSS and nothing else. */
export const STATIC_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
