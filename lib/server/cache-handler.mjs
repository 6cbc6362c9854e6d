// Next.js's cache (rendered pages, route handlers, unstable_cache) for every instance of one
// deployment. With REDIS_URL it lives in Redis, so a save on any instance, which invalidates its
// tags there, shows on every instance's next request. Without it, each process keeps a bounded
// in-memory cache (the default single process needs nothing else). Either way nothing is kept on
// disk, so two servers started from one folder never share entries.
//
// Entries are keyed under ROLEBOARD_CACHE_PREFIX, which scripts/serve.ts derives from the
// database's identity and the build: an entry never crosses to another database or outlives its
// build. Redis going away degrades to misses (pages render from the database), never to errors;
// tags invalidated meanwhile are invalidated again once it is back. After Redis, the edge
// (PURGE_URLS) is purged of the same tags.
//
// Plain JavaScript: Next.js loads this file itself (next.config.mjs `cacheHandler`).
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';
import { edgePurgersFrom, purgeEdge } from './edge-purge.mjs';

/** Redis answers in well under a millisecond here; a slow answer is treated as a miss. */
const REDIS_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;
/** Next.js's own tags for paths (`_N_T_/roles/x`): the edge knows pages by our tags only. */
const IMPLICIT_TAG_PREFIX = '_N_T_';

/** @typedef {{ handlers: import('@fortedigital/nextjs-cache-handler/cache-handler.types').Handler[] }} CacheConfig */
/** @typedef {{ config: Promise<CacheConfig>, pendingTags: Set<string>, redis: { isReady: boolean } | null }} CacheState */

// One per process: Next.js may create several handler instances, all sharing this.
const state = /** @type {{ roleboardCache?: CacheState }} */ (globalThis);

function inMemoryHandler() {
  // At most 5,000 entries and 256 MB: role pages are ~30 kB of HTML and RSC each.
  return createLruHandler({ maxItemsNumber: 5000, maxItemSizeBytes: 256 * 1024 * 1024 });
}

/**
 * @param {string} url
 * @param {() => void} onReady
 */
async function connectRedis(url, onReady) {
  const client = createClient({
    url,
    // While disconnected, commands fail at once instead of queueing behind the outage.
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let down = false;
  client.on('error', (/** @type {Error} */ error) => {
    if (!down) console.error(`Redis (${new URL(url).host}) is unavailable, so pages are rendered from the database until it is back: ${error.message}`);
    down = true;
  });
  client.on('ready', () => {
    if (down) console.log('Redis is back: the shared cache is in use again.');
    down = false;
    onReady();
  });
  // Connecting keeps trying in the background; the first requests do not wait for it.
  await Promise.race([client.connect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref())]);
  return client;
}

/** @returns {CacheState} */
function cacheState() {
  if (state.roleboardCache) return state.roleboardCache;
  /** @type {CacheState} */
  const cache = { pendingTags: new Set(), redis: null, config: Promise.resolve({ handlers: [inMemoryHandler()] }) };
  const url = process.env.REDIS_URL;
  // The build renders with its own short-lived cache: nothing it writes is served.
  if (url && process.env.NEXT_PHASE !== 'phase-production-build') {
    cache.config = (async () => {
      const redis = await connectRedis(url, () => void replayPendingTags());
      cache.redis = redis;
      const handler = createRedisHandler({ client: redis, keyPrefix: process.env.ROLEBOARD_CACHE_PREFIX ?? 'roleboard:', timeoutMs: REDIS_TIMEOUT_MS });
      return { handlers: [handler] };
    })();
  }
  state.roleboardCache = cache;
  return cache;
}

/** Tags invalidated while Redis was away: entries stored before the outage must not survive them. */
async function replayPendingTags() {
  const cache = cacheState();
  const tags = [...cache.pendingTags];
  cache.pendingTags.clear();
  if (tags.length === 0) return;
  const { handlers } = await cache.config;
  for (const tag of tags) await handlers[0]?.revalidateTag(tag).catch(() => cache.pendingTags.add(tag));
}

CacheHandler.onCreation(() => cacheState().config);

const edgePurgers = edgePurgersFrom(process.env.PURGE_URLS);

export default class RoleboardCacheHandler extends CacheHandler {
  /**
   * @param {string | string[]} tag
   * @param {...unknown} rest
   */
  async revalidateTag(tag, ...rest) {
    const tags = typeof tag === 'string' ? [tag] : tag;
    const cache = cacheState();
    if (process.env.REDIS_URL && !cache.redis?.isReady) for (const each of tags) cache.pendingTags.add(each);
    // @ts-expect-error -- Next.js 16 passes the durations too; the handler's types name only the tags.
    await super.revalidateTag(tag, ...rest);
    await purgeEdge(
      edgePurgers,
      tags.filter((each) => !each.startsWith(IMPLICIT_TAG_PREFIX)),
    );
  }
}
