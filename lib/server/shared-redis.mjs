// The one Redis connection of a process, shared by Next.js's two caches: rendered pages and route
// handlers (cache-handler.mjs) and `'use cache'` data (use-cache-handler.mjs). With no REDIS_URL,
// or while `next build` renders with its own short-lived cache, there is none.
//
// An outage is logged once and ends with a log line; while it lasts commands fail at once (no
// queue), so each cache treats them as misses. Plain JavaScript: Next.js loads the cache handlers,
// and with them this file, without compiling it.
import { createClient } from 'redis';

/** Redis answers in well under a millisecond here; a slower answer is treated as a miss. */
export const REDIS_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;

/**
 * How the caches' Redis must be run (npm run stack and the tests start theirs so; the README says
 * so for yours): nothing kept on disk, at most this much memory, and only keys with a time to live
 * evicted when full. Entries all have one; the hashes of when each tag was invalidated have none,
 * and evicting them would serve again entries older than their tags' last change.
 */
export const REDIS_MAX_MEMORY = '256mb';
export const REDIS_EVICTION_POLICY = 'volatile-lru';
export const REDIS_CACHE_ARGUMENTS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory', REDIS_MAX_MEMORY, '--maxmemory-policy', REDIS_EVICTION_POLICY];

/**
 * Says once, at start, if the Redis in use is not run that way. CONFIG may be refused (managed
 * services rename it); then nothing is said.
 * @param {RedisClient} client
 */
async function warnAboutSettings(client) {
  const config = await tryRedis(client, (ready) => ready.configGet(['maxmemory', 'maxmemory-policy']));
  if (!config) return;
  const problems = [];
  if (config.maxmemory === '0') problems.push('it has no memory limit (maxmemory 0), so the cache can grow until the machine runs out');
  const policy = config['maxmemory-policy'] ?? '';
  if (policy.startsWith('allkeys-')) problems.push(`its eviction policy ${policy} may evict the hashes of tag invalidations, and stale entries would be served again`);
  if (problems.length > 0) {
    console.warn(`Redis: ${problems.join('; ')}. Run it with --maxmemory ${REDIS_MAX_MEMORY} --maxmemory-policy ${REDIS_EVICTION_POLICY} (README: Running at scale).`);
  }
}

/** @typedef {import('redis').RedisClientType} RedisClient */
/** @typedef {{ client: Promise<RedisClient>, onReady: Set<() => void> }} SharedRedis */

// One per process: Next.js may load each handler module more than once, all sharing this.
const state = /** @type {{ roleboardRedis?: SharedRedis | null }} */ (globalThis);

/** Where the caches' keys live: one database and one build (scripts/serve.ts). */
export function cacheKeyPrefix() {
  return process.env.ROLEBOARD_CACHE_PREFIX ?? 'roleboard:';
}

/** @param {string} url */
async function connect(url, /** @type {Set<() => void>} */ onReady) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let down = false;
  client.on('error', (/** @type {Error} */ error) => {
    if (!down) console.error(`Redis (${new URL(url).host}) is unavailable, so pages are rendered from the database until it is back: ${error.message}`);
    down = true;
  });
  let checked = false;
  client.on('ready', () => {
    if (down) console.log('Redis is back: the shared cache is in use again.');
    down = false;
    if (!checked) {
      checked = true;
      void warnAboutSettings(client);
    }
    for (const callback of onReady) callback();
  });
  // Connecting keeps trying in the background; the first requests do not wait for it.
  await Promise.race([client.connect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref())]);
  return client;
}

/** The process's Redis connection, or null when the caches stay in memory. */
export function sharedRedis() {
  if (state.roleboardRedis !== undefined) return state.roleboardRedis;
  const url = process.env.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === 'phase-production-build') {
    state.roleboardRedis = null;
  } else {
    const onReady = new Set();
    state.roleboardRedis = { client: connect(url, onReady), onReady };
  }
  return state.roleboardRedis;
}

/**
 * Runs a command, or answers null when Redis is away or slow: a cache miss, never an error.
 * @template T
 * @param {RedisClient} client
 * @param {(client: RedisClient) => Promise<T>} command
 * @returns {Promise<T | null>}
 */
export async function tryRedis(client, command) {
  if (!client.isReady) return null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS)));
  try {
    return /** @type {T | null} */ (await Promise.race([command(client), timeout]));
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tags invalidated while Redis was away: entries stored before the outage must not survive them,
 * so each cache invalidates them again once it is back.
 * @param {(tags: string[]) => Promise<void>} invalidate
 */
export function replayedTags(invalidate) {
  const pending = new Set(/** @type {string[]} */ ([]));
  const replay = async () => {
    const tags = [...pending];
    pending.clear();
    if (tags.length > 0) await invalidate(tags).catch(() => tags.forEach((tag) => pending.add(tag)));
  };
  sharedRedis()?.onReady.add(() => void replay());
  return {
    /** @param {string[]} tags */
    remember(tags) {
      for (const tag of tags) pending.add(tag);
    },
  };
}
