// Public pages are read, not run: everything on them works as plain HTML (links, GET forms,
// <details>), so the front takes Next.js's client runtime off them before they go out. That is the
// framework's scripts (/_next/ chunks), their preloads, and the inline scripts that feed it the RSC
// payload (`self.__next_f`) or list its chunks (TURBOPACK), together about 150 KiB compressed per page.
// Any other script stays: JSON-LD, public/enhance.js (the pages' copy and print buttons), and React's
// own inline scripts, should a page ever stream a Suspense boundary. Admin pages keep the runtime.
// The markers are Next.js's, undocumented (lib/framework-contract.mjs).
import { NEXT_ASSET_PATH_PREFIX, RSC_PAYLOAD_GLOBAL, TURBOPACK_CHUNK_LIST_GLOBAL } from '@/lib/framework-contract.mjs';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An inline script that starts by pushing to the RSC payload's or Turbopack's chunk list's global. */
const NEXT_RUNTIME_INLINE = new RegExp(`^\\s*\\(?\\s*(${escaped(RSC_PAYLOAD_GLOBAL)}|\\(?globalThis\\[["']${TURBOPACK_CHUNK_LIST_GLOBAL}["']\\])`);

export function withoutNextRuntime(html: string) {
  return html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (script, attributes: string, content: string) => {
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
      if (src) return src.startsWith(NEXT_ASSET_PATH_PREFIX) ? '' : script;
      return NEXT_RUNTIME_INLINE.test(content) ? '' : script;
    })
    .replace(/<link\b[^>]*\bas=["']?script\b[^>]*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi, '');
}

/**
 * React writes a Server Action form (the sign-in and admin forms) with `action=""`, which HTML
 * does not allow (an action must be a non-empty URL). Without the attribute a form posts to the
 * page's own address, which is what the empty one meant: the front leaves it out.
 */
export function withoutEmptyFormActions(html: string) {
  return html.replace(/<form\b[^>]*>/gi, (tag) => tag.replace(/\saction=""/i, ''));
}
