// Where Next.js's two caches keep their entries and when each tag was last invalidated: in Redis
// (REDIS_URL), shared by every instance, or in this process, bounded and least recently used out.
// The page cache (cache-handler.mjs) and the `'use cache'` data (use-cache-handler.mjs) each have
// their own namespace; both read an entry's tags' times with the entry, so an invalidation on any
// instance is a miss on every instance at its next read. Redis going away makes reads misses and
// invalidations report failure (the handlers replay them once it is back). Plain JavaScript:
// Next.js loads the handlers, and with them this file, without compiling it.
import { cacheKeyPrefix, tryRedis } from './shared-redis.mjs';

/** @typedef {Record<string, unknown>} EntryMetadata */
/** @typedef {{ metadata: EntryMetadata, value: Buffer }} StoredEntry */
/** When a tag was invalidated, and from when entries stored before are no longer served (ms). */
/** @typedef {{ staleAt: number, expiredAt: number }} TagTimes */
/**
 * @typedef {{
 *   read(key: string): Promise<StoredEntry | undefined>,
 *   write(key: string, entry: StoredEntry, ttlSeconds: number): Promise<void>,
 *   remove(key: string): Promise<void>,
 *   tagTimes(tags: string[]): Promise<(TagTimes | undefined)[] | null>,
 *   invalidate(tags: string[], times: TagTimes): Promise<boolean>,
 * }} Store
 */

/** Redis forgets an entry after this even if no tag expires it (Next.js's `max` life is a year). */
export const REDIS_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * @param {number} limitBytes
 * @returns {Store}
 */
export function memoryStore(limitBytes) {
  // A Map keeps insertion order: reading an entry moves it to the end, so the first is the least used.
  /** @type {Map<string, StoredEntry>} */
  const entries = new Map();
  /** @type {Map<string, TagTimes>} */
  const tags = new Map();
  let bytes = 0;
  const sizeOf = (/** @type {string} */ key, /** @type {StoredEntry} */ entry) => key.length + entry.value.byteLength;
  const remove = (/** @type {string} */ key) => {
    const previous = entries.get(key);
    if (!previous) return;
    bytes -= sizeOf(key, previous);
    entries.delete(key);
  };
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
      remove(key);
      entries.set(key, entry);
      bytes += sizeOf(key, entry);
      for (const [oldest, stored] of entries) {
        if (bytes <= limitBytes) break;
        entries.delete(oldest);
        bytes -= sizeOf(oldest, stored);
      }
    },
    async remove(key) {
      remove(key);
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
 * @param {string} namespace
 * @returns {Store}
 */
export function redisStore(redis, namespace) {
  const prefix = `${cacheKeyPrefix()}${namespace}:`;
  const tagsKey = `${cacheKeyPrefix()}${namespace}-tags`;
  return {
    async read(key) {
      const raw = await tryRedis(await redis.client, (client) => client.get(prefix + key));
      if (typeof raw !== 'string') return undefined;
      const { value, ...metadata } = JSON.parse(raw);
      return { metadata, value: Buffer.from(value, 'base64') };
    },
    async write(key, { metadata, value }, ttlSeconds) {
      const ttl = Math.max(1, Math.min(REDIS_TTL_SECONDS, Math.ceil(ttlSeconds)));
      const raw = JSON.stringify({ ...metadata, value: value.toString('base64') });
      await tryRedis(await redis.client, (client) => client.set(prefix + key, raw, { EX: ttl }));
    },
    async remove(key) {
      await tryRedis(await redis.client, (client) => client.del(prefix + key));
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
