// Where `'use cache'` data lives (the public reads in lib/cached-public-reads.ts): with REDIS_URL
// in Redis, shared by every instance, so a save on any instance, which expires its tags there, shows
// on every instance's next request; without it in this process, at most MEMORY_LIMIT_BYTES.
// next.config.mjs names this file in `cacheHandlers`; the interface is Next.js's CacheHandler
// (next/dist/server/lib/cache-handlers/types.d.ts).
//
// Keys sit under ROLEBOARD_CACHE_PREFIX (one database, one build), like the page cache's. Redis
// going away degrades to misses, never to errors; tags expired meanwhile are expired again once
// it is back. Plain JavaScript: Next.js loads this file itself.
import { cacheKeyPrefix, replayedTags, sharedRedis, tryRedis } from './shared-redis.mjs';

/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheEntry} CacheEntry */
/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} CacheHandler */
/** @typedef {Omit<CacheEntry, 'value'>} EntryMetadata */
/** @typedef {{ metadata: EntryMetadata, value: Buffer }} StoredEntry */
/** When a tag was invalidated, and from when entries stored before are no longer served (ms). */
/** @typedef {{ staleAt: number, expiredAt: number }} TagTimes */
/**
 * @typedef {{
 *   read(key: string): Promise<StoredEntry | undefined>,
 *   write(key: string, entry: StoredEntry): Promise<void>,
 *   tagTimes(tags: string[]): Promise<(TagTimes | undefined)[] | null>,
 *   invalidate(tags: string[], times: TagTimes): Promise<boolean>,
 * }} Store
 */

/** Role pages' data is a few kB an entry: room for every common view many times over. */
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
/** Redis forgets an entry after this even if no tag expires it (Next.js's `max` life is a year). */
const REDIS_TTL_SECONDS = 7 * 24 * 60 * 60;

/** @returns {Store} */
function memoryStore() {
  // A Map keeps insertion order: reading an entry moves it to the end, so the first is the least used.
  /** @type {Map<string, StoredEntry>} */
  const entries = new Map();
  /** @type {Map<string, TagTimes>} */
  const tags = new Map();
  let bytes = 0;
  const sizeOf = (/** @type {string} */ key, /** @type {StoredEntry} */ entry) => key.length + entry.value.byteLength;
  return {
    async read(key) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    async write(key, entry) {
      const previous = entries.get(key);
      if (previous) {
        bytes -= sizeOf(key, previous);
        entries.delete(key);
      }
      entries.set(key, entry);
      bytes += sizeOf(key, entry);
      for (const [oldest, stored] of entries) {
        if (bytes <= MEMORY_LIMIT_BYTES) break;
        entries.delete(oldest);
        bytes -= sizeOf(oldest, stored);
      }
    },
    async tagTimes(names) {
      return names.map((name) => tags.get(name));
    },
    async invalidate(names, times) {
      for (const name of names) tags.set(name, times);
      return true;
    },
  };
}

/**
 * @param {import('./shared-redis.mjs').SharedRedis} redis
 * @returns {Store}
 */
function redisStore(redis) {
  const prefix = `${cacheKeyPrefix()}use-cache:`;
  const tagsKey = `${cacheKeyPrefix()}use-cache-tags`;
  return {
    async read(key) {
      const raw = await tryRedis(await redis.client, (client) => client.get(prefix + key));
      if (typeof raw !== 'string') return undefined;
      const { value, ...metadata } = JSON.parse(raw);
      return { metadata, value: Buffer.from(value, 'base64') };
    },
    async write(key, { metadata, value }) {
      const ttl = Math.max(1, Math.min(REDIS_TTL_SECONDS, Math.ceil(metadata.expire)));
      const raw = JSON.stringify({ ...metadata, value: value.toString('base64') });
      await tryRedis(await redis.client, (client) => client.set(prefix + key, raw, { EX: ttl }));
    },
    async tagTimes(names) {
      if (names.length === 0) return [];
      const raw = await tryRedis(await redis.client, (client) => client.hmGet(tagsKey, names));
      // Null when Redis cannot say: the entry is then a miss, so nothing stale is served.
      if (!raw) return null;
      return raw.map((value) => {
        if (typeof value !== 'string') return undefined;
        const [staleAt, expiredAt] = value.split(':').map(Number);
        return { staleAt: staleAt ?? 0, expiredAt: expiredAt ?? 0 };
      });
    },
    async invalidate(names, { staleAt, expiredAt }) {
      const fields = Object.fromEntries(names.map((name) => [name, `${staleAt}:${expiredAt}`]));
      return (await tryRedis(await redis.client, (client) => client.hSet(tagsKey, fields))) !== null;
    },
  };
}

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
  const store = redis ? redisStore(redis) : memoryStore();
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
      const { metadata } = stored;
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
        if (metadata.expire > 0) await store.write(cacheKey, { metadata, value: bytes });
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
    },
  };
}

export default createUseCacheHandler();
