// Tells this process's own caches outside Next.js (the HTTP front's byte cache,
// lib/server/response-cache.ts) which tags were just invalidated. Next.js's cache handlers
// (cache-handler.mjs, use-cache-handler.mjs) announce every invalidation here, as soon as the shared
// store has it; other instances learn of it from that store (Redis). The listeners live on
// globalThis: Next.js loads the handlers, and with them this file, apart from the front's own copy.
// Plain JavaScript for the same reason.

/** @typedef {(tags: string[]) => void} TagListener */

// Named in lib/framework-contract.mjs; passed on for lib/server/response-cache.ts, which imports it from here.
export { IMPLICIT_TAG_PREFIX } from '../framework-contract.mjs';

const state = /** @type {{ roleboardTagListeners?: Set<TagListener> }} */ (globalThis);

function listeners() {
  state.roleboardTagListeners ??= new Set();
  return state.roleboardTagListeners;
}

/**
 * Calls `listener` with the tags of every invalidation in this process; returns the function that stops it.
 * @param {TagListener} listener
 */
export function onTagsInvalidated(listener) {
  listeners().add(listener);
  return () => void listeners().delete(listener);
}

/** @param {string[]} tags */
export function announceTagsInvalidated(tags) {
  for (const listener of listeners()) listener(tags);
}
