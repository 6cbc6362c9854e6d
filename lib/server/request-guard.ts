// Requests refused before Next.js sees them, each with the 4xx that says why: addresses that do
// not decode, control characters, over-long URLs, writes to read-only pages, bodies over the
// limit or of unknown length, and cross-site writes. Next.js would answer several of these with a 500.
import type { IncomingMessage } from 'node:http';
import { NEXT_DEVELOPMENT_ENDPOINT_PREFIX } from '@/lib/framework-contract.mjs';
import { responseKindOf } from './security-headers';

/**
 * The longest path we read: real ones are far shorter (a comparison of four roles is under 500
 * characters). Query strings may be longer; their parameters have limits of their own, and Node.js
 * refuses request heads over 16 kB.
 */
export const MAX_PATH_LENGTH = 2048;

/** The largest request body, but for uploads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Where a larger body is allowed: the catalogue upload at /admin/import (files of 5 MB, sent as a
 * multipart form). Next.js's Server Action limit (next.config.mjs) is the same.
 */
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/admin/import']);

export type Refusal = { status: 400 | 403 | 405 | 411 | 413 | 414; title: string; detail: string };

/** What public pages and the widget answer: they are read, never written to. */
export const READ_ONLY_METHODS = 'GET, HEAD';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// C0 controls and DEL: never part of a real address, and NUL breaks PostgreSQL text.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function pathOf(url: string) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** True when every %-escape of the path decodes to UTF-8 text without control characters. */
function isReadablePath(path: string) {
  try {
    return !CONTROL_CHARACTER.test(decodeURIComponent(path));
  } catch {
    return false;
  }
}

function originOf(value: string) {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * The path as RFC 3986 §6.2.2 normalises it: escapes of unreserved characters decoded (`/%61dmin`
 * is `/admin`), the hex digits of the others in capitals. One resource, one address: caches then
 * keep each page once, and nobody makes new addresses of an existing one by escaping its letters.
 */
export function normalizedPath(path: string) {
  return path.replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9\-._~]$/.test(character) ? character : escape.toUpperCase();
  });
}

/**
 * Why this request is refused, or null to let it through. `allowedOrigins` are the origins a
 * write may come from: the public origin, and the Host the request was sent to.
 */
export function refusalOf(request: IncomingMessage, { allowedOrigins }: { allowedOrigins: string[] }): Refusal | null {
  const url = request.url ?? '/';
  const path = pathOf(url);
  if (path.length > MAX_PATH_LENGTH) {
    return { status: 414, title: 'Address too long', detail: `Addresses on this site are at most ${MAX_PATH_LENGTH} characters long.` };
  }
  if (CONTROL_CHARACTER.test(url) || !isReadablePath(path)) {
    return { status: 400, title: 'Bad address', detail: 'This address could not be read: it has a malformed %-escape or a control character.' };
  }
  const method = request.method ?? 'GET';
  if (SAFE_METHODS.has(method)) return null;

  const origin = request.headers.origin;
  const crossSite =
    request.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && !allowedOrigins.includes(originOf(origin) ?? 'null'));
  if (crossSite) {
    return { status: 403, title: 'Cross-site request refused', detail: 'Forms on this site can only be sent from this site.' };
  }
  const length = request.headers['content-length'];
  if (length === undefined) {
    // Browsers always say how long a form is; without a length the limit could not be enforced.
    if (request.headers['transfer-encoding'] !== undefined) {
      return { status: 411, title: 'Length required', detail: 'Send a Content-Length with the request body.' };
    }
    return readOnlyRefusal(path);
  }
  if (!/^\d+$/.test(length)) return { status: 400, title: 'Bad request', detail: 'The Content-Length is not a number.' };
  const limit = UPLOAD_PATHS.has(path) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
  if (Number(length) > limit) {
    return { status: 413, title: 'Request too large', detail: `Requests here are at most ${limit / 1024 / 1024} MB.` };
  }
  return readOnlyRefusal(path);
}

/**
 * The public pages that take a post: job alerts' sign-up on /jobs, their confirm and unsubscribe
 * buttons (Server Actions), and the one-click unsubscribe mail programs post to (RFC 8058).
 */
const PUBLIC_FORM_PATHS = new Set(['/jobs', '/jobs/alerts/confirm', '/jobs/alerts/unsubscribe', '/jobs/alerts/unsubscribe/one-click']);

/**
 * Other public pages have no forms that post (theirs are GET forms): only the sign-in and admin
 * pages take Server Actions, and the API's routes answer other methods themselves.
 */
function readOnlyRefusal(path: string): Refusal | null {
  if (PUBLIC_FORM_PATHS.has(path)) return null;
  // Next.js's development overlay posts to its own endpoints (/__nextjs_original-stack-frames);
  // in production there are none, and Next.js answers such a path 404 itself.
  if (path.startsWith(NEXT_DEVELOPMENT_ENDPOINT_PREFIX)) return null;
  const kind = responseKindOf(path);
  if (kind !== 'page' && kind !== 'widget' && kind !== 'asset') return null;
  return { status: 405, title: 'Method not allowed', detail: `This address can only be read (${READ_ONLY_METHODS}).` };
}
