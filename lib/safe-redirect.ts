// Where to go after signing in (or out): only paths on this site, never another origin. The
// checks run on the URL as a browser will resolve it, because `/..//evil.example` only becomes
// the protocol-relative `//evil.example` after dot segments are removed.

/** Longer values are refused rather than parsed: no path of ours comes near it. */
const MAX_LENGTH = 2000;
/** Stands in for our origin when the caller does not know it (the login page and its action). */
const PLACEHOLDER_ORIGIN = 'http://roleboard.invalid';

/**
 * The path, query and fragment of `value` if it names a page of this site, else `fallback`.
 * `value` must be a path ("/admin?x=1") or, when `origin` is given, an absolute URL at that origin.
 */
export function safeCallbackPath(value: unknown, { fallback = '/admin', origin = PLACEHOLDER_ORIGIN } = {}) {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return fallback;
  // Control characters and backslashes: browsers drop or reinterpret them (`/\evil` is `//evil`).
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith('/') && value !== origin && !value.startsWith(`${origin}/`)) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith('//') || url.pathname.includes('\\')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
