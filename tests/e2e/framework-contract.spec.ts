// The canaries of lib/framework-contract.mjs that only a running build can show: what Next.js
// really writes into a page, and the cookie Auth.js really sets. Each fails naming the contract's
// item and what the build does now. tests/unit/framework-contract.test.ts checks the rest against
// the installed packages' sources.
import { expect, test } from '@playwright/test';
import { NEXT_ASSET_PATH_PREFIX, RSC_PAYLOAD_GLOBAL, SESSION_COOKIE_NAMES, TURBOPACK_CHUNK_LIST_GLOBAL } from '@/lib/framework-contract.mjs';
import { withoutNextRuntime } from '@/lib/server/page-scripts';
import { testUsers } from '../support/users';
import { signIn, signInWithForm } from './support/sign-in';

/** A document's executable inline scripts (data blocks such as JSON-LD run nothing), each cut short for a message. */
function inlineScriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes = '']) => !/\bsrc\s*=/i.test(attributes) && !/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes))
    .map(([, , content = '']) => content.trim().slice(0, 80));
}

function scriptFilesOf(html: string) {
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map(([, src]) => src!);
}

const contractChanged = (item: string, what: string) =>
  `Framework contract item ${item} changed: ${what}. Update lib/framework-contract.mjs and lib/server/page-scripts.ts for this Next.js.`;

test('RSC_PAYLOAD_GLOBAL, TURBOPACK_CHUNK_LIST_GLOBAL, NEXT_ASSET_PATH_PREFIX: what page-scripts strips is exactly the runtime Next.js writes', async ({ page }) => {
  // Admin pages keep the runtime, so they show what Next.js writes into every page before the front strips it.
  await signIn(page, testUsers.admin);
  const html = await (await page.request.get('/admin/roles/software-developers')).text();
  const inline = inlineScriptsOf(html);
  expect(inline.some((script) => script.replace(/^\(\s*/, '').startsWith(RSC_PAYLOAD_GLOBAL)), contractChanged('RSC_PAYLOAD_GLOBAL', `no inline script feeds ${RSC_PAYLOAD_GLOBAL}; the page's inline scripts start ${JSON.stringify(inline)}`)).toBe(true);
  expect(inline.some((script) => script.includes(`globalThis["${TURBOPACK_CHUNK_LIST_GLOBAL}"]`)), contractChanged('TURBOPACK_CHUNK_LIST_GLOBAL', `no inline script lists chunks in globalThis["${TURBOPACK_CHUNK_LIST_GLOBAL}"]; the page's inline scripts start ${JSON.stringify(inline)}`)).toBe(true);
  const files = scriptFilesOf(html);
  expect(files.length > 0 && files.every((src) => src.startsWith(NEXT_ASSET_PATH_PREFIX)), contractChanged('NEXT_ASSET_PATH_PREFIX', `the runtime's script files are ${JSON.stringify(files)}`)).toBe(true);

  const stripped = withoutNextRuntime(html);
  expect(inlineScriptsOf(stripped), contractChanged('RSC_PAYLOAD_GLOBAL or TURBOPACK_CHUNK_LIST_GLOBAL', 'page-scripts leaves inline scripts it does not recognise as the runtime')).toEqual([]);
  expect(scriptFilesOf(stripped), contractChanged('NEXT_ASSET_PATH_PREFIX', "page-scripts leaves script files of Next.js's")).toEqual([]);
});

test('a public page, as the front sends it, runs no inline script at all', async ({ request }) => {
  const html = await (await request.get('/roles/software-developers')).text();
  expect(inlineScriptsOf(html), contractChanged('RSC_PAYLOAD_GLOBAL or TURBOPACK_CHUNK_LIST_GLOBAL', 'a public page went out with inline scripts')).toEqual([]);
  expect(scriptFilesOf(html), contractChanged('NEXT_ASSET_PATH_PREFIX', 'a public page went out with script files other than enhance.js')).toEqual(['/enhance.js']);
});

test("SESSION_COOKIE_NAMES: signing in sets Auth.js's session cookie under the name we look for", async ({ page }) => {
  await signInWithForm(page, testUsers.admin);
  const names = (await page.context().cookies()).map((cookie) => cookie.name);
  const session = names.filter((name) => SESSION_COOKIE_NAMES.some((expected) => name === expected || name.startsWith(`${expected}.`)));
  expect(session, `Framework contract item SESSION_COOKIE_NAMES changed: signing in set the cookies ${JSON.stringify(names)}, none named ${SESSION_COOKIE_NAMES.join(' or ')}. Update lib/framework-contract.mjs and deploy/varnish/default.vcl.`).not.toEqual([]);
});
