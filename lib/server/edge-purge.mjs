// Purging the edge cache by tag. Every public response names its cache tags in an `xkey` header
// (lib/server/edge-cache.ts); when a save invalidates tags, the cache handler calls purgeEdge with
// them, after the shared cache has forgotten them, so the edge's next fetch gets fresh content.
// PURGE_URLS lists the edge servers (Varnish with xkey: deploy/varnish/default.vcl). A CDN's
// purge-by-tag API is one more EdgePurger. Plain JavaScript: Next.js loads the cache handler, and
// with it this file, without compiling it.

/** @typedef {{ name: string, purge: (tags: string[]) => Promise<void> }} EdgePurger */

const PURGE_TIMEOUT_MS = 2000;
/** Varnish reads one header; xkey takes tags separated by spaces. Long lists go in several requests. */
const TAGS_PER_REQUEST = 200;

/**
 * Varnish with vmod_xkey: `PURGE /` with the tags in an `xkey-purge` header purges every object
 * carrying any of them (the VCL accepts purges from allowed addresses only).
 * @param {string} url
 * @returns {EdgePurger}
 */
export function varnishPurger(url) {
  return {
    name: `varnish ${url}`,
    async purge(tags) {
      for (let start = 0; start < tags.length; start += TAGS_PER_REQUEST) {
        const response = await fetch(url, {
          method: 'PURGE',
          headers: { 'xkey-purge': tags.slice(start, start + TAGS_PER_REQUEST).join(' ') },
          signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`answered ${response.status}`);
      }
    },
  };
}

/**
 * The purgers PURGE_URLS names (comma-separated); none when it is not set.
 * @param {string | undefined} value
 * @returns {EdgePurger[]}
 */
export function edgePurgersFrom(value) {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`PURGE_URLS: ${url} is not an http(s) address`);
      return varnishPurger(parsed.toString());
    });
}

/**
 * Purges the tags at every edge server; a server that fails is retried once, then reported.
 * A lost purge leaves that server's copies until their s-maxage runs out (a day).
 * @param {EdgePurger[]} purgers
 * @param {string[]} tags
 */
export async function purgeEdge(purgers, tags) {
  if (purgers.length === 0 || tags.length === 0) return;
  await Promise.all(
    purgers.map(async (purger) => {
      try {
        await purger.purge(tags);
      } catch {
        try {
          await purger.purge(tags);
        } catch (error) {
          console.error(`Could not purge ${tags.length} tag(s) at ${purger.name}: ${error instanceof Error ? error.message : error}`);
        }
      }
    }),
  );
}
