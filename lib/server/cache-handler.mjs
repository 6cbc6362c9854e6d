// Next.js's page cache (rendered pages and route handlers) for every instance of one deployment;
// `'use cache'` data has its own handler (use-cache-handler.mjs) on the same Redis connection. With REDIS_URL it lives in Redis, so a save on any instance, which invalidates its
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
import { edgePurgersFrom, purgeEdge } from './edge-purge.mjs';
import { cacheKeyPrefix, REDIS_TIMEOUT_MS, replayedTags, sharedRedis } from './shared-redis.mjs';

/** Next.js's own tags for paths (`_N_T_/roles/x`): the edge knows pages by our tags only. */
const IMPLICIT_TAG_PREFIX = '_N_T_';

/** @typedef {{ handlers: import('@fortedigital/nextjs-cache-handler/cache-handler.types').Handler[] }} CacheConfig */

// One per process: Next.js may create several handler instances, all sharing this.
const state = /** @type {{ roleboardPageCache?: Promise<CacheConfig> }} */ (globalThis);

/** @returns {Promise<CacheConfig>} */
function cacheConfig() {
  state.roleboardPageCache ??= (async () => {
    const redis = sharedRedis();
    if (!redis) {
      // At most 5,000 entries and 256 MB: role pages are ~30 kB of HTML and RSC each.
      return { handlers: [createLruHandler({ maxItemsNumber: 5000, maxItemSizeBytes: 256 * 1024 * 1024 })] };
    }
    const client = await redis.client;
    return { handlers: [createRedisHandler({ client, keyPrefix: cacheKeyPrefix(), timeoutMs: REDIS_TIMEOUT_MS })] };
  })();
  return state.roleboardPageCache;
}

const replay = replayedTags(async (tags) => {
  const { handlers } = await cacheConfig();
  for (const tag of tags) await handlers[0]?.revalidateTag(tag);
});

CacheHandler.onCreation(cacheConfig);

const edgePurgers = edgePurgersFrom(process.env.PURGE_URLS);

export default class RoleboardCacheHandler extends CacheHandler {
  /**
   * @param {string | string[]} tag
   * @param {...unknown} rest
   */
  async revalidateTag(tag, ...rest) {
    const tags = typeof tag === 'string' ? [tag] : tag;
    const redis = sharedRedis();
    if (redis && !(await redis.client).isReady) replay.remember(tags);
    // @ts-expect-error -- Next.js 16 passes the durations too; the handler's types name only the tags.
    await super.revalidateTag(tag, ...rest);
    await purgeEdge(
      edgePurgers,
      tags.filter((each) => !each.startsWith(IMPLICIT_TAG_PREFIX)),
    );
  }
}
