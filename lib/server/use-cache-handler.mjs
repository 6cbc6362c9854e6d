// Where `'use cache'` data lives (the public reads in lib/server/cached-public-reads.ts): with REDIS_URL
// in Redis, shared by every instance, so a save on any instance, which expires its tags there, shows
// on every instance's next request; without it in this process, at most MEMORY_LIMIT_BYTES.
// next.config.mjs names this file in `cacheHandlers`; the interface is Next.js's CacheHandler
// (its types: lib/framework-contract.mjs).
//
// Keys sit under ROLEBOARD_CACHE_PREFIX (one database, one build), like the page cache's. Redis
// going away degrades to misses, never to errors; tags expired meanwhile are expired again once
// it is back. Plain JavaScript: Next.js loads this file itself.
import { memoryStore, redisStore } from './cache-stores.mjs';
import { replayedTags, sharedRedis } from './shared-redis.mjs';
import { announceTagsInvalidated } from './tag-invalidations.mjs';

/** @typedef {import('../framework-contract.mjs').CacheEntry} CacheEntry */
/** @typedef {import('../framework-contract.mjs').UseCacheHandler} CacheHandler */
/** Role pages' data is a few kB an entry: room for every common view many times over. */
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

/** @param {ReadableStream<Uint8Array>} stream */
async function bytesOf(stream) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/** A new stream over the stored bytes on every read (the interface asks for this). */
function streamOf(/** @type {Buffer} */ bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

/** @returns {CacheHandler} */
function createUseCacheHandler() {
  const redis = sharedRedis();
  const store = redis ? redisStore(redis, 'use-cache') : memoryStore(MEMORY_LIMIT_BYTES);
  const replay = replayedTags(async (tags) => {
    if (!(await store.invalidate(tags, { staleAt: Date.now(), expiredAt: Date.now() }))) throw new Error('Redis is still away');
  });
  // A read of an entry being written waits for it (the interface asks for this).
  /** @type {Map<string, Promise<void>>} */
  const pendingWrites = new Map();

  return {
    async get(cacheKey, softTags) {
      await pendingWrites.get(cacheKey);
      const stored = await store.read(cacheKey);
      if (!stored) return undefined;
      const metadata = /** @type {Omit<CacheEntry, 'value'>} */ (stored.metadata);
      const now = Date.now();
      // As Next.js's own in-memory handler does: past its revalidate time an entry is a miss.
      if (now > metadata.timestamp + metadata.revalidate * 1000) return undefined;
      const tagTimes = await store.tagTimes([...metadata.tags, ...softTags]);
      if (!tagTimes) return undefined;
      let revalidate = metadata.revalidate;
      for (const times of tagTimes) {
        if (!times || times.staleAt <= metadata.timestamp) continue;
        if (times.expiredAt <= now) return undefined;
        // Invalidated with a grace period (revalidateTag with a profile): served once more while refreshed.
        revalidate = -1;
      }
      return { ...metadata, revalidate, value: streamOf(stored.value) };
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let written = () => {};
      pendingWrites.set(cacheKey, new Promise((resolve) => (written = () => resolve())));
      try {
        const { value, ...metadata } = await pendingEntry;
        const bytes = await bytesOf(value);
        // `expire: 0` marks data read afresh on every request: never served from here.
        if (metadata.expire > 0) await store.write(cacheKey, { metadata, value: bytes }, metadata.expire);
      } catch {
        // A value that failed while rendering is not kept; the next read renders it again.
      } finally {
        pendingWrites.delete(cacheKey);
        written();
      }
    },

    // Tags are read with each entry (get), so there is no manifest to refresh or expiration to report.
    async refreshTags() {},
    async getExpiration() {
      return Infinity;
    },

    async updateTags(tags, durations) {
      const now = Date.now();
      const expiredAt = now + (durations?.expire ?? 0) * 1000;
      if (!(await store.invalidate(tags, { staleAt: now, expiredAt }))) replay.remember(tags);
      announceTagsInvalidated(tags);
    },
  };
}

export default createUseCacheHandler();
