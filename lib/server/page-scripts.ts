// Public pages are read, not run: everything on them works as plain HTML (links, GET forms,
// <details>), so the front takes Next.js's client runtime off them before they go out. That is the
// framework's scripts (/_next/ chunks), their preloads, and the inline scripts that feed it the RSC
// payload (`self.__next_f`) or list its chunks (TURBOPACK), together about 150 KiB compressed per page.
// Any other script stays: JSON-LD, public/enhance.js (the pages' copy and print buttons), and React's
// own inline scripts, should a page ever stream a Suspense boundary. Admin pages keep the runtime.
const NEXT_RUNTIME_INLINE = /^\s*\(?\s*(self\.__next_f|\(?globalThis\[["']TURBOPACK["']\])/;

export function withoutNextRuntime(html: string) {
  return html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (script, attributes: string, content: string) => {
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
      if (src) return src.startsWith('/_next/') ? '' : script;
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
