// The HTTP front's byte cache: what Varnish does for the stack, for one `npm start` without it.
// A public GET that the front lets the edge keep (lib/server/edge-cache.ts) is kept here too, as
// the bytes the front finally sends (security headers, CSP hashes, scripts stripped, ETag) with
// their gzip and brotli forms, compressed once when stored. Later requests for it are answered
// from memory (a 304 to a matching If-None-Match, or If-Modified-Since where the app sent a
// Last-Modified) without reaching Next.js.
//
// What is kept: 200s of GET, with the edge's s-maxage, no Set-Cookie and no encoding of the app's
// own, for addresses with no query or the listing's common views (each sort, category, state and
// education level: a bounded set). Never a request with a session cookie or Authorization, never
// a variant asked for with a header the response varies on (the client router's `rsc: 1`), never
// anything the edge may not keep (/admin, /login, /api/auth, /employer, /join, unknown slugs: 404s).
// Key: the Host and the address as the front has made it canonical (no method: a HEAD is answered
// from a GET's entry); Accept-Encoding picks the stored form.
// Bounded: at most `capBytes` (RESPONSE_CACHE_MB), least recently used out.
//
// Invalidated by the edge's tags (its `xkey` header): a save on this instance drops every entry
// carrying a revalidated tag at once (tag-invalidations.mjs); with REDIS_URL each hit also reads
// its tags' invalidation times from the page cache's shared store, as Next.js's cache handler
// does, so a save on another instance is a miss on this one's next request. A response rendered
// while any invalidation happened is not kept: it may show data from before it.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { usCategories } from '@/db/catalogue/categories';
import { etagOf, isClientCopyCurrent } from '@/lib/api/http';
import { educationSlugs } from '@/lib/education';
import { NEXT_CACHE_STATUS_HEADER } from '@/lib/framework-contract.mjs';
import { sortChoices } from '@/lib/role-search';
import { hasSessionCookie } from '@/lib/session-cookies';
import { findUsState } from '@/lib/us-states';
import { redisStore } from './cache-stores.mjs';
import { EDGE_TAGS_HEADER, edgeTagsOf } from './edge-cache';
import { sharedRedis } from './shared-redis.mjs';
import { IMPLICIT_TAG_PREFIX, onTagsInvalidated } from './tag-invalidations.mjs';

export const DEFAULT_RESPONSE_CACHE_MB = 64;

type Encoding = 'br' | 'gzip' | 'identity';
type TagTimes = { staleAt: number; expiredAt: number };
/** When each tag was last invalidated on any instance, or null when that cannot be known now (a miss). */
export type SharedTagTimes = (tags: string[]) => Promise<(TagTimes | undefined)[] | null>;

type Entry = {
  tags: string[];
  /** Request headers the response varies on (Accept-Encoding aside): a request carrying one is not answered from here. */
  variantHeaders: string[];
  headers: OutgoingHttpHeaders;
  etag: string;
  bodies: Record<Encoding, Buffer>;
  /** When the request that rendered it arrived: an invalidation since then makes it stale. */
  renderedAt: number;
  expiresAt: number;
  bytes: number;
};

/**
 * Headers of one connection or one encoding, which a stored response must not repeat; and Next's
 * own cache status, which said how the stored copy was made (MISS, STALE), not how a hit is served.
 */
const UNSTORED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date', NEXT_CACHE_STATUS_HEADER]);
/** One entry may take at most this share of the cap, so that one large answer cannot empty the cache. */
const LARGEST_ENTRY_SHARE = 1 / 8;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Brotli's window for a body: just large enough to hold it (16–22 bits). The default, 22 bits
 * (4 MB), makes each compression allocate tens of MB however small the page.
 */
function brotliWindowBits(length: number) {
  return Math.min(zlib.constants.BROTLI_MAX_WINDOW_BITS, Math.max(16, Math.ceil(Math.log2(length + 1))));
}

/** The listing's common views: each parameter's values are a small fixed set, so their combinations are bounded. */
const listingViewParameters: Record<string, (value: string) => boolean> = {
  sort: (value) => sortChoices.some((choice) => choice.value === value),
  category: (value) => usCategories.some((category) => category.slug === value),
  state: (value) => findUsState(value)?.slug === value,
  maxEducation: (value) => (educationSlugs as readonly string[]).includes(value),
};

function isCommonListingView(searchParams: URLSearchParams) {
  const names = [...searchParams.keys()];
  return new Set(names).size === names.length && names.every((name) => listingViewParameters[name]?.(searchParams.get(name)!) === true);
}

/** Whether the response to this address may be kept: one the edge may keep, with no query a visitor can vary without limit. */
export function isKeptAddress(url: URL) {
  if (!edgeTagsOf(url.pathname, url.searchParams)) return false;
  return url.search === '' || (url.pathname === '/' && isCommonListingView(url.searchParams));
}

/** The stored form to send: brotli or gzip when the client takes it (the higher q, brotli on a tie), else the plain bytes. */
export function encodingFor(acceptEncoding: string | undefined): Encoding {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (name) quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const br = quality.get('br') ?? 0;
  const gz = quality.get('gzip') ?? 0;
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : 'identity';
}

function sharedMaxAgeSeconds(cacheControl: string) {
  const match = /(?:^|,)\s*s-maxage=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

function varyNamesOf(res: ServerResponse) {
  return String(res.getHeader('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/** The page cache's store in Redis, when there is one: it holds every instance's tag invalidations. */
export function sharedTagTimesFromRedis(): SharedTagTimes | null {
  const redis = sharedRedis();
  if (!redis) return null;
  const store = redisStore(redis, 'pages');
  return (tags) => store.tagTimes(tags);
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

export function createResponseCache({ capBytes, sharedTagTimes, now = Date.now }: { capBytes: number; sharedTagTimes: SharedTagTimes | null; now?: () => number }) {
  // A Map keeps insertion order: a hit moves its entry to the end, so the first is the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let invalidations = 0;
  // Keys being compressed: while a page is first rendered, every request for it arrives at once
  // (32 at a time under load), and each would compress the same bytes again. Measured on a new
  // instance, that took its peak memory from 216 MB to 850 MB–1.2 GB.
  const compressing = new Set<string>();

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  }

  function drop(tags: string[]) {
    invalidations += 1;
    // Next.js's own path tags (revalidatePath) say nothing our tags can match: everything goes.
    const everything = tags.some((tag) => tag.startsWith(IMPLICIT_TAG_PREFIX));
    for (const [key, entry] of entries) if (everything || entry.tags.some((tag) => tags.includes(tag))) remove(key);
  }
  const stopListening = onTagsInvalidated(drop);

  /** The key of a request that may be answered from here or stored, or null. */
  function keyOf(req: IncomingMessage) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    if (hasSessionCookie(req.headers.cookie) || req.headers.authorization !== undefined || req.headers.range !== undefined) return null;
    const address = req.url ?? '/';
    // With the Host, as Varnish keys its objects: pages take their links from SITE_URL, but nothing promises it.
    return isKeptAddress(new URL(address, 'http://front')) ? `${req.headers.host ?? ''} ${address}` : null;
  }

  function insert(key: string, entry: Entry) {
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldest] of entries) {
      if (bytes <= capBytes) break;
      remove(oldest);
    }
  }

  return {
    /** Answers the request from memory when it can; resolves whether it did. */
    async serve(req: IncomingMessage, res: ServerResponse) {
      const key = keyOf(req);
      const entry = key === null ? undefined : entries.get(key);
      if (!key || !entry) return false;
      if (entry.variantHeaders.some((name) => req.headers[name] !== undefined)) return false;
      if (now() >= entry.expiresAt) {
        remove(key);
        return false;
      }
      if (sharedTagTimes) {
        const times = await sharedTagTimes(entry.tags);
        if (!times) return false;
        if (times.some((tagTimes) => tagTimes && tagTimes.staleAt >= entry.renderedAt)) {
          if (entries.get(key) === entry) remove(key);
          return false;
        }
      }
      if (entries.get(key) !== entry) return false;
      entries.delete(key);
      entries.set(key, entry);

      for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) res.setHeader(name, value);
      // As the edge marks its hits (deploy/varnish/default.vcl), which overwrites this one.
      res.setHeader('X-Cache', 'HIT');
      const validators = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
      if (isClientCopyCurrent(validators, { etag: entry.etag, lastModified: entry.headers['last-modified'] as string | undefined })) {
        res.statusCode = 304;
        res.end();
        return true;
      }
      const encoding = encodingFor(req.headers['accept-encoding']);
      const body = entry.bodies[encoding];
      res.statusCode = 200;
      if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },

    /**
     * For a request whose response may be stored (else null): `accepts` says, when the response
     * starts, whether it is one to keep (the front then holds its body); `store` keeps its final
     * bytes and headers.
     */
    keeperFor(req: IncomingMessage) {
      const key = req.method === 'GET' && capBytes > 0 ? keyOf(req) : null;
      if (!key) return null;
      const renderedAt = now();
      const invalidationsBefore = invalidations;
      const accepts = (res: ServerResponse) => {
        const vary = varyNamesOf(res);
        return (
          res.statusCode === 200 &&
          !res.hasHeader('set-cookie') &&
          !res.hasHeader('content-encoding') &&
          res.hasHeader(EDGE_TAGS_HEADER) &&
          sharedMaxAgeSeconds(String(res.getHeader('cache-control') ?? '')) > 0 &&
          !vary.includes('*') &&
          vary.every((name) => name === 'accept-encoding' || req.headers[name] === undefined)
        );
      };
      return {
        accepts,
        /** Keeps the response as it is about to be sent: `body` is its final, unencoded bytes. */
        store(res: ServerResponse, body: Buffer) {
          if (!accepts(res) || body.length > capBytes * LARGEST_ENTRY_SHARE) return;
          if (!res.hasHeader('etag')) res.setHeader('ETag', `W/${etagOf(body)}`);
          if (compressing.has(key)) return;
          const headers: OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(res.getHeaders())) if (!UNSTORED_HEADERS.has(name) && value !== undefined) headers[name] = value;
          const vary = varyNamesOf(res);
          headers.vary = [...vary.filter((name) => name !== 'accept-encoding'), 'accept-encoding'].join(', ');
          const tags = String(res.getHeader(EDGE_TAGS_HEADER)).split(' ').filter(Boolean);
          const expiresAt = renderedAt + sharedMaxAgeSeconds(String(res.getHeader('cache-control'))) * 1000;
          compressing.add(key);
          void Promise.all([
            gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
            brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                [zlib.constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(body.length),
              },
            }),
          ])
            .finally(() => compressing.delete(key))
            .then(
              ([gzipped, brotlied]) => {
                // An invalidation while it was rendered or compressed: it may show what was before.
                if (invalidations !== invalidationsBefore || now() >= expiresAt) return;
                const size = key.length + body.length + gzipped.length + brotlied.length + JSON.stringify(headers).length;
                insert(key, {
                  tags,
                  variantHeaders: vary.filter((name) => name !== 'accept-encoding'),
                  headers,
                  etag: String(res.getHeader('etag')),
                  bodies: { identity: body, gzip: gzipped, br: brotlied },
                  renderedAt,
                  expiresAt,
                  bytes: size,
                });
              },
              (error: Error) => console.error(`Could not compress ${key} for the response cache: ${error.message}`),
            );
        },
      };
    },

    /** How many responses, and how many bytes, are kept; how many are being compressed to be kept. */
    size() {
      return { entries: entries.size, bytes, storing: compressing.size };
    },

    close() {
      stopListening();
      entries.clear();
      bytes = 0;
    },
  };
}
