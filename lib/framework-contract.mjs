// Everything Roleboard relies on that Next.js, React or Auth.js emit or read but do not document:
// markers in the HTML they write, prefixes, header and cookie names, build files, internal types.
// Each is named here once, with who emits it, why we depend on it and what breaks if it changes;
// tests/unit/framework-contract.test.ts (against the installed packages' own sources) and
// tests/e2e/framework-contract.spec.ts (against a running build) fail, naming the item, when an
// upgrade changes one. Read both before upgrading next, react or next-auth.
//
// Plain JavaScript, in lib/ rather than lib/server/: Next.js loads the cache handlers
// (lib/server/cache-handler.mjs, use-cache-handler.mjs) itself with Node's own loader, which runs
// neither TypeScript nor the @/ alias, and they import from here; lib/session-cookies.ts, below
// the services, imports the cookie names. It imports nothing, so any layer may import it.
// Not here: the edge's VCL (deploy/varnish/default.vcl) cannot import, and repeats the session
// cookie's name; lib/server/server-actions.ts imports Next's reading of a server reference id
// (next/dist/shared/lib/server-reference-info.js) directly, as a runtime import from next/dist
// would load Next's internals into every module that imports this one.

// ---- Pages: what the front strips from public pages (lib/server/page-scripts.ts) ----

/**
 * Next.js's path for its own files (chunks, CSS, fonts, media): `/_next/…`. Emitted by Next.js
 * in every page's <script src> and <link>. Public pages drop every script under it and the front
 * treats the path as assets (lib/server/security-headers.ts). If it moved, public pages would
 * load Next's runtime again (150 KiB) and assets would get page headers.
 */
export const NEXT_ASSET_PATH_PREFIX = '/_next/';

/**
 * The global Next.js feeds the RSC payload through: inline scripts `(self.__next_f=self.__next_f||[]).push(…)`
 * and `self.__next_f.push(…)` (next/dist/server/app-render/use-flight-response.js). The front
 * strips them from public pages, which are read without JavaScript. If renamed, public pages
 * would carry the whole payload again as inline scripts (each allowed by a CSP hash).
 */
export const RSC_PAYLOAD_GLOBAL = 'self.__next_f';

/**
 * The inline script of a Turbopack build that lists a page's chunks:
 * `(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(…)`. Written by Turbopack
 * (in Next's native binary, so only the e2e canary sees it). Stripped with the payload; if
 * renamed, public pages would keep a script that loads nothing useful.
 */
export const TURBOPACK_CHUNK_LIST_GLOBAL = 'TURBOPACK';

/**
 * The root element of the document Next.js writes when notFound() is called while a page renders:
 * `<html id="__next_error__">` with the content only in the RSC payload
 * (next/dist/server/app-render/app-render.js). The front replaces that blank page with its own
 * 404 (lib/server/http-server.ts); if renamed, such 404s would be blank without JavaScript.
 */
export const EMPTY_ERROR_DOCUMENT_MARKER = '<html id="__next_error__"';

/** The prefix of Next.js's development-only endpoints (`/__nextjs_original-stack-frames`, …); the request guard lets the overlay post to them. */
export const NEXT_DEVELOPMENT_ENDPOINT_PREFIX = '/__nextjs';

// ---- Server Actions: which requests the front lets reach Next.js (lib/server/server-actions.ts) ----

/**
 * The header Next.js's client router names a fetch action in (ACTION_HEADER in
 * next/dist/client/components/app-router-headers.js). The front checks the id against the build's
 * real actions; if renamed, the front would see no action and `'use cache'` functions could be
 * called through the action endpoint again.
 */
export const SERVER_ACTION_HEADER = 'next-action';

/**
 * The header Next.js answers an unknown action with, which its client router reads
 * (NEXT_ACTION_NOT_FOUND_HEADER, same file). The front sends it with its own refusals; if
 * renamed, a refused action would look like a failure to the router instead of a stale page.
 */
export const ACTION_NOT_FOUND_HEADER = 'x-nextjs-action-not-found';

/**
 * The fields a form posted without JavaScript names its action in, as React's decodeAction reads
 * them (react-server-dom-turbopack's server): `$ACTION_ID_<id>`, or `$ACTION_REF_<n>` with the
 * descriptor and bound arguments in `$ACTION_<n>:<k>`, and `$ACTION_KEY`. The front reads them to
 * refuse non-actions; the admin action wrapper (lib/server/action-wrapper.ts) leaves every field
 * under the prefix out of the form's values. If renamed, the front would let such posts through
 * unchecked and the wrapper would see the framework's fields as the form's.
 */
export const ACTION_FIELD_PREFIX = '$ACTION_';
export const ACTION_ID_FIELD_PREFIX = '$ACTION_ID_';
export const ACTION_REF_FIELD_PREFIX = '$ACTION_REF_';

/** The folder `next build` writes (the default distDir, which next.config.mjs keeps). */
export const BUILD_DIR = '.next';
/**
 * The build's id, in `.next/BUILD_ID` (BUILD_ID_FILE in next/dist/shared/lib/constants.js);
 * scripts/serve.ts and stack.ts read it to tell whether there is a build to start.
 */
export const BUILD_ID_FILE = 'BUILD_ID';
/**
 * Where the build lists its server references, under BUILD_DIR (SERVER_DIRECTORY and
 * SERVER_REFERENCE_MANIFEST in next/dist/shared/lib/constants.js). The front reads the real
 * actions from it at start; if it moved, the front would not start.
 */
export const SERVER_REFERENCE_MANIFEST_FILE = 'server/server-reference-manifest.json';

// ---- The cache handlers (lib/server/cache-handler.mjs, use-cache-handler.mjs, tag-invalidations.mjs) ----

/**
 * The prefix of the tags Next.js gives every page for its path (`_N_T_/roles/x`;
 * NEXT_CACHE_IMPLICIT_TAG_ID in next/dist/lib/constants.js). The edge knows pages by our tags
 * only, so these are not purged there; the byte cache takes any of them as "every page". If
 * renamed, the edge would be sent purges for tags it never has and the byte cache would keep
 * pages a path invalidation meant to drop.
 */
export const IMPLICIT_TAG_PREFIX = '_N_T_';

/**
 * The header under which Next.js stores a rendered page's tags, implicit ones included
 * (NEXT_CACHE_TAGS_HEADER, same file). The page cache handler reads a page's tags from it; if
 * renamed, pages would be stored without tags and never invalidated.
 */
export const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/**
 * The header in which Next.js says how it made a cached page's response (HIT, MISS, STALE,
 * REVALIDATED; build/templates/app-page-runtime.js). The byte cache (lib/server/response-cache.ts)
 * does not store it, as it said how the stored copy was made, not how a hit is served; if renamed,
 * a byte-cache hit would repeat the stored copy's MISS.
 */
export const NEXT_CACHE_STATUS_HEADER = 'x-nextjs-cache';

/**
 * The cache handler interfaces, which Next.js types only in next/dist (`cacheHandler` and
 * `cacheHandlers` in next.config.mjs are documented, their types are not exported). Named here so
 * the handlers import them from one place; `npx tsc --noEmit` is their canary.
 * @typedef {import('next/dist/server/lib/cache-handlers/types').CacheEntry} CacheEntry
 * @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} UseCacheHandler
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue
 */

/*
 * Not a name but a flag: next.config.mjs's `experimental.useCache`, deprecated, turns on `'use cache'`
 * without Cache Components. The unit canary checks Next's config still accepts it; the plan for
 * leaving it is in the README ("Leaving experimental.useCache").
 */

// ---- Auth.js (lib/session-cookies.ts, proxy.ts, the byte cache; the VCL repeats it) ----

/**
 * Auth.js's session cookie: `authjs.session-token`, `__Secure-authjs.session-token` on https
 * (defaultCookies in @auth/core/lib/utils/cookie.js), split into `….0`, `….1` when large. Only
 * its existence is read, to tell signed-in visitors: proxy.ts sends visitors without it to /login,
 * the byte cache and the edge never answer a request carrying it from cache. If renamed, signed-in
 * users would be sent to /login from every admin page, and could be served public cached pages.
 */
export const SESSION_COOKIE_NAMES = /** @type {const} */ (['authjs.session-token', '__Secure-authjs.session-token']);
