// The canaries of lib/framework-contract.mjs, read from the installed packages themselves: each
// test is one item of the contract and fails, naming it and what the package has now, when an
// upgrade of next, react (Next's compiled copy) or @auth/core changes it. What only a running
// build shows (the Turbopack chunk list, the cookie Auth.js really sets, the scripts a page
// really carries) is tests/e2e/framework-contract.spec.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as contract from '@/lib/framework-contract.mjs';

const require = createRequire(import.meta.url);
const nextDir = path.dirname(require.resolve('next/package.json'));
const nextVersion = (require('next/package.json') as { version: string }).version;
const authCoreDir = path.resolve('node_modules/@auth/core');
const authCoreVersion = (JSON.parse(fs.readFileSync(path.join(authCoreDir, 'package.json'), 'utf8')) as { version: string }).version;

function nextSource(file: string) {
  return fs.readFileSync(path.join(nextDir, file), 'utf8');
}

/** Next.js's own constant, from one of its compiled modules. */
function nextConstant(file: string, name: string) {
  return (require(path.join(nextDir, file)) as Record<string, unknown>)[name];
}

/** The message every canary fails with: which item, what we rely on, what the package has now, and what to do. */
function changed(item: keyof typeof contract | string, { relyOn, found, breaks }: { relyOn: string; found: string; breaks: string }) {
  return (
    `Framework contract item ${item} changed: we rely on ${relyOn}, but ${found}. ${breaks} ` +
    'Update lib/framework-contract.mjs (and what its comment names) for the new version before upgrading.'
  );
}

function assertSameConstant(item: keyof typeof contract, ours: unknown, file: string, name: string, breaks: string) {
  const theirs = nextConstant(file, name);
  assert.equal(theirs, ours, changed(item, { relyOn: JSON.stringify(ours), found: `next@${nextVersion}'s ${name} (${file}) is ${JSON.stringify(theirs)}`, breaks }));
}

function assertSourceContains(item: keyof typeof contract | string, file: string, fragments: string[], breaks: string) {
  const source = nextSource(file);
  for (const fragment of fragments) {
    assert.ok(source.includes(fragment), changed(item, { relyOn: `\`${fragment}\``, found: `next@${nextVersion}'s ${file} no longer contains it`, breaks }));
  }
}

describe('the framework contract (lib/framework-contract.mjs) still holds for the installed packages', () => {
  test('RSC_PAYLOAD_GLOBAL: Next.js feeds the RSC payload through self.__next_f', () => {
    const global = contract.RSC_PAYLOAD_GLOBAL;
    assertSourceContains('RSC_PAYLOAD_GLOBAL', 'dist/server/app-render/use-flight-response.js', [`(${global}=${global}||[]).push(`, `${global}.push(`], 'Public pages would carry the RSC payload again.');
  });

  test('NEXT_ASSET_PATH_PREFIX: Next.js serves its files under /_next/', () => {
    assertSourceContains('NEXT_ASSET_PATH_PREFIX', 'dist/server/app-render/app-render.js', ['`${assetPrefix}' + contract.NEXT_ASSET_PATH_PREFIX], 'Public pages would load the runtime again; assets would get page headers.');
  });

  test('EMPTY_ERROR_DOCUMENT_MARKER: a notFound() while rendering writes <html id="__next_error__">', () => {
    const id = /id="([^"]+)"/.exec(contract.EMPTY_ERROR_DOCUMENT_MARKER)![1]!;
    assertSourceContains('EMPTY_ERROR_DOCUMENT_MARKER', 'dist/server/app-render/app-render.js', [`id: '${id}'`], 'Such 404s would go out blank without JavaScript.');
  });

  test("NEXT_DEVELOPMENT_ENDPOINT_PREFIX: the development overlay's endpoints start /__nextjs", () => {
    assertSourceContains('NEXT_DEVELOPMENT_ENDPOINT_PREFIX', 'dist/server/dev/middleware-turbopack.js', [`'${contract.NEXT_DEVELOPMENT_ENDPOINT_PREFIX}_original-stack-frames'`], "The request guard would refuse the overlay's posts in development.");
  });

  test('SERVER_ACTION_HEADER: the client router names a fetch action in Next-Action', () => {
    assertSameConstant('SERVER_ACTION_HEADER', contract.SERVER_ACTION_HEADER, 'dist/client/components/app-router-headers.js', 'ACTION_HEADER', "The front would not check fetch actions: 'use cache' functions could be called as actions.");
  });

  test('ACTION_NOT_FOUND_HEADER: an unknown action is answered with x-nextjs-action-not-found', () => {
    assertSameConstant('ACTION_NOT_FOUND_HEADER', contract.ACTION_NOT_FOUND_HEADER, 'dist/client/components/app-router-headers.js', 'NEXT_ACTION_NOT_FOUND_HEADER', "The client router would read the front's refusals as failures.");
  });

  test("ACTION_FIELD_PREFIX, ACTION_ID_FIELD_PREFIX, ACTION_REF_FIELD_PREFIX: React's decodeAction reads $ACTION_ID_ and $ACTION_REF_ fields", () => {
    const reactServer = 'dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js';
    assertSourceContains('ACTION_ID_FIELD_PREFIX', reactServer, [`"${contract.ACTION_ID_FIELD_PREFIX}"`], 'The front would let forms naming any server reference through.');
    assertSourceContains('ACTION_REF_FIELD_PREFIX', reactServer, [`"${contract.ACTION_REF_FIELD_PREFIX}"`], 'The front would let forms naming any server reference through.');
    assertSourceContains('ACTION_FIELD_PREFIX', reactServer, [`"${contract.ACTION_FIELD_PREFIX}" + actionKey.slice(`], "The front could not read a form's bound arguments; the action wrapper would take React's fields for the form's.");
  });

  test('BUILD_DIR, BUILD_ID_FILE, SERVER_REFERENCE_MANIFEST_FILE: where next build writes its id and its server references', () => {
    const constants = 'dist/shared/lib/constants.js';
    assertSameConstant('BUILD_ID_FILE', contract.BUILD_ID_FILE, constants, 'BUILD_ID_FILE', 'scripts/serve.ts and stack.ts would not find the build.');
    const manifest = `${nextConstant(constants, 'SERVER_DIRECTORY')}/${nextConstant(constants, 'SERVER_REFERENCE_MANIFEST')}.json`;
    assert.equal(manifest, contract.SERVER_REFERENCE_MANIFEST_FILE, changed('SERVER_REFERENCE_MANIFEST_FILE', { relyOn: contract.SERVER_REFERENCE_MANIFEST_FILE, found: `next@${nextVersion} writes ${manifest}`, breaks: 'The front would not start.' }));
    const defaultDistDir = (nextConstant('dist/server/config-shared.js', 'defaultConfig') as { distDir: string }).distDir;
    assert.equal(defaultDistDir, contract.BUILD_DIR, changed('BUILD_DIR', { relyOn: contract.BUILD_DIR, found: `next@${nextVersion} builds into ${defaultDistDir}`, breaks: 'Nothing would find the build.' }));
  });

  test("IMPLICIT_TAG_PREFIX: Next.js tags each page by its path under _N_T_", () => {
    assertSameConstant('IMPLICIT_TAG_PREFIX', contract.IMPLICIT_TAG_PREFIX, 'dist/lib/constants.js', 'NEXT_CACHE_IMPLICIT_TAG_ID', "The edge would be sent purges of Next's own tags; the byte cache would keep pages a path invalidation drops.");
  });

  test("CACHE_TAGS_HEADER: Next.js stores a page's tags in x-next-cache-tags", () => {
    assertSameConstant('CACHE_TAGS_HEADER', contract.CACHE_TAGS_HEADER, 'dist/lib/constants.js', 'NEXT_CACHE_TAGS_HEADER', 'Pages would be stored without tags and never invalidated.');
  });

  test('NEXT_CACHE_STATUS_HEADER: Next.js says how it made a cached page in x-nextjs-cache', () => {
    assertSourceContains('NEXT_CACHE_STATUS_HEADER', 'dist/build/templates/app-page-runtime.js', [`res.setHeader('${contract.NEXT_CACHE_STATUS_HEADER}'`], "A byte-cache hit would repeat the stored copy's MISS.");
  });

  test("the cache handlers' types still come from next/dist", () => {
    for (const file of ['dist/server/lib/cache-handlers/types.d.ts', 'dist/server/lib/incremental-cache/index.d.ts', 'dist/server/response-cache/types.d.ts']) {
      assert.ok(fs.existsSync(path.join(nextDir, file)), changed('CacheEntry, UseCacheHandler, CacheHandlerValue, IncrementalCacheValue', { relyOn: `next/${file}`, found: `next@${nextVersion} has no such file`, breaks: 'The cache handlers would lose their types (npx tsc --noEmit says where).' }));
    }
  });

  test("experimental.useCache: next.config.mjs's 'use cache' without Cache Components is still accepted", () => {
    assertSourceContains('experimental.useCache (next.config.mjs)', 'dist/server/config-schema.js', ['useCache: _zod.z.boolean()'], "'use cache' would stop working, or need cacheComponents (README: Leaving experimental.useCache).");
  });

  test("SESSION_COOKIE_NAMES: Auth.js's session cookie is authjs.session-token, __Secure- on https", async () => {
    const { defaultCookies } = (await import(pathToFileURL(path.join(authCoreDir, 'lib/utils/cookie.js')).href)) as { defaultCookies: (secure: boolean) => { sessionToken: { name: string } } };
    const names = [defaultCookies(false).sessionToken.name, defaultCookies(true).sessionToken.name];
    assert.deepEqual(names, [...contract.SESSION_COOKIE_NAMES], changed('SESSION_COOKIE_NAMES', {
      relyOn: contract.SESSION_COOKIE_NAMES.join(' and '),
      found: `@auth/core@${authCoreVersion} names it ${names.join(' and ')}`,
      breaks: 'Signed-in users would be sent to /login from the admin pages and could be served cached public pages (deploy/varnish/default.vcl repeats the name too).',
    }));
  });
});
