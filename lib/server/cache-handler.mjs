// Next.js's page cache (rendered pages and route handlers) for every instance of one deployment;
// `'use cache'` data has its own handler (use-cache-handler.mjs). Both keep their entries in
// cache-stores.mjs: with REDIS_URL in Redis, so a save on any instance, which invalidates its tags
// there, is a miss on every instance's next request; without it in this process, at most
// MEMORY_LIMIT_BYTES. Nothing is kept on disk, so two servers started from one folder never share
// entries. Keys sit under ROLEBOARD_CACHE_PREFIX (scripts/serve.ts: one database, one build).
// Redis going away degrades to misses (pages render from the database), never to errors; tags
// invalidated meanwhile are invalidated again once it is back. After the store, this process's
// byte cache (tag-invalidations.mjs) and the edge (PURGE_URLS) are purged of the same tags.
//
// The interface is Next.js's CacheHandler (its types: lib/framework-contract.mjs). Plain
// JavaScript: Next.js loads this file itself (next.config.mjs `cacheHandler`).
import { memoryStore, redisStore, REDIS_TTL_SECONDS } from './cache-stores.mjs';
import { edgePurgersFrom, purgeEdge } from './edge-purge.mjs';
import { replayedTags, sharedRedis } from './shared-redis.mjs';
import { CACHE_TAGS_HEADER, IMPLICIT_TAG_PREFIX } from '../framework-contract.mjs';
import { announceTagsInvalidated } from './tag-invalidations.mjs';

/** @typedef {import('../framework-contract.mjs').CacheHandlerValue} CacheHandlerValue */
/** @typedef {import('../framework-contract.mjs').IncrementalCacheValue} IncrementalCacheValue */
/** Role pages are ~30 kB of HTML and as much RSC each: every role and state page fits. */
const MEMORY_LIMIT_BYTES = 128 * 1024 * 1024;

/**
 * An entry as bytes: JSON in which Buffers (HTML, RSC data, route bodies) are base64 and Maps
 * (segment data) lists of pairs, so the same bytes can go to Redis or stay in memory.
 * @param {unknown} value an IncrementalCacheValue
 */
export function serializeValue(value) {
  return Buffer.from(
    JSON.stringify(value, function replacer(key) {
      const original = this[key];
      if (Buffer.isBuffer(original) || original instanceof Uint8Array) return { $buffer: Buffer.from(original).toString('base64') };
      if (original instanceof Map) return { $map: [...original.entries()] };
      return original;
    }),
  );
}

/**
 * @param {Buffer} bytes
 * @returns {IncrementalCacheValue}
 */
export function deserializeValue(bytes) {
  return JSON.parse(bytes.toString('utf8'), (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (value && typeof value === 'object' && Array.isArray(value.$map)) return new Map(value.$map);
    return value;
  });
}

/**
 * The tags an entry is invalidated by: a page's or a route's are in its headers (its implicit
 * path tags included); a fetch's are given when it is stored.
 * @param {IncrementalCacheValue | null} value
 * @param {string[]} given
 */
function tagsOf(value, given) {
  if (value && (value.kind === 'APP_PAGE' || value.kind === 'APP_ROUTE')) {
    const header = value.headers?.[CACHE_TAGS_HEADER];
    if (typeof header === 'string') return header.split(',').filter(Boolean);
    if (Array.isArray(header)) return header.map(String);
    return [];
  }
  return given;
}

// One per process: Next.js may create several handler instances, all sharing this.
const state = /** @type {{ roleboardPageStore?: import('./cache-stores.mjs').Store }} */ (globalThis);

function store() {
  if (!state.roleboardPageStore) {
    const redis = sharedRedis();
    state.roleboardPageStore = redis ? redisStore(redis, 'pages') : memoryStore(MEMORY_LIMIT_BYTES);
  }
  return state.roleboardPageStore;
}

const replay = replayedTags(async (tags) => {
  if (!(await store().invalidate(tags, { staleAt: Date.now(), expiredAt: Date.now() }))) throw new Error('Redis is still away');
});

const edgePurgers = edgePurgersFrom(process.env.PURGE_URLS);

/**
 * When this process last found each key missing or invalidated: Next.js then renders the page and
 * stores it when done. The entry is dated from that moment, not from its store, so that a tag
 * invalidated while it rendered (a save meanwhile, on any instance) makes it stale on the next
 * read; dated from the store, it would show the figures from before the save until the next one.
 * The earliest miss counts (concurrent requests share one render). Bounded: a miss that is never
 * stored (a 404, a dynamic page) is forgotten once ASKED_KEYS_LIMIT newer ones are remembered.
 * @type {Map<string, number>}
 */
const missedAt = new Map();
const ASKED_KEYS_LIMIT = 10_000;

/** @param {string} cacheKey */
function rememberMiss(cacheKey) {
  if (missedAt.has(cacheKey)) return;
  missedAt.set(cacheKey, Date.now());
  const oldest = missedAt.keys().next().value;
  if (missedAt.size > ASKED_KEYS_LIMIT && oldest !== undefined) missedAt.delete(oldest);
}

export default class RoleboardCacheHandler {
  /**
   * @param {string} cacheKey
   * @param {{ tags?: string[], softTags?: string[] }} [context]
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(cacheKey, context = {}) {
    const entry = await this.#read(cacheKey, context);
    if (!entry) rememberMiss(cacheKey);
    return entry;
  }

  /**
   * @param {string} cacheKey
   * @param {{ softTags?: string[] }} context
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async #read(cacheKey, context) {
    const stored = await store().read(cacheKey);
    if (!stored) return null;
    const { lastModified, tags, cacheControl } = /** @type {{ lastModified: number, tags: string[], cacheControl?: CacheHandlerValue['cacheControl'] }} */ (
      stored.metadata
    );
    const tagTimes = await store().tagTimes([...tags, ...(context.softTags ?? [])]);
    // Redis could not say: a miss, so nothing invalidated is served.
    if (!tagTimes) return null;
    if (tagTimes.some((times) => times && times.staleAt >= lastModified)) return null;
    return { lastModified, value: deserializeValue(stored.value), ...(cacheControl ? { cacheControl } : {}) };
  }

  /**
   * @param {string} cacheKey
   * @param {IncrementalCacheValue | null} value
   * @param {{ tags?: string[], cacheControl?: CacheHandlerValue['cacheControl'] }} [context]
   */
  async set(cacheKey, value, context = {}) {
    if (!value) {
      missedAt.delete(cacheKey);
      await store().remove(cacheKey);
      return;
    }
    const { cacheControl } = context;
    const renderedFrom = missedAt.get(cacheKey) ?? Date.now();
    missedAt.delete(cacheKey);
    const metadata = { lastModified: renderedFrom, tags: tagsOf(value, context.tags ?? []), ...(cacheControl ? { cacheControl } : {}) };
    const expire = typeof cacheControl?.expire === 'number' ? cacheControl.expire : REDIS_TTL_SECONDS;
    await store().write(cacheKey, { metadata, value: serializeValue(value) }, expire);
  }

  /**
   * Next.js also passes the durations of a stale-while-revalidate profile; an invalidated page is
   * rendered afresh here instead, as the edge's purge does.
   * @param {string | string[]} tag
   */
  async revalidateTag(tag) {
    const tags = typeof tag === 'string' ? [tag] : tag;
    const now = Date.now();
    if (!(await store().invalidate(tags, { staleAt: now, expiredAt: now }))) replay.remember(tags);
    // This instance's byte cache at once; the others check the shared store's tag times on each hit.
    announceTagsInvalidated(tags);
    await purgeEdge(
      edgePurgers,
      tags.filter((each) => !each.startsWith(IMPLICIT_TAG_PREFIX)),
    );
  }

  resetRequestCache() {}
}
