// The HTTP front's byte cache (lib/server/response-cache.ts), in front of a stand-in for Next.js
// that counts what reaches it: what is kept, what never is, how a save drops it, and the cap.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { EDGE_PAGE_CACHE_CONTROL } from '@/lib/server/edge-cache';
import { createResponseCache, encodingFor, isKeptAddress, type ResponseCache, type SharedTagTimes } from '@/lib/server/response-cache';
import { announceTagsInvalidated } from '@/lib/server/tag-invalidations.mjs';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** What the stand-in app answers, per test. */
let appAnswer: { body: (path: string) => string; headers: Record<string, string>; status: number };
let rendered: string[] = [];
let cache: ResponseCache;
/** Run while the stand-in app "renders", before it answers (an invalidation meanwhile, say). */
let whileRendering: () => void = () => {};
let server: http.Server;
let origin: string;

function useCache(options: { capBytes?: number; sharedTagTimes?: SharedTagTimes | null; now?: () => number } = {}) {
  cache?.close();
  cache = createResponseCache({ capBytes: options.capBytes ?? 1024 * 1024, sharedTagTimes: options.sharedTagTimes ?? null, ...(options.now && { now: options.now }) });
}

before(async () => {
  server = http.createServer(async (req, res) => {
    if (await cache.serve(req, res)) return;
    const keeper = cache.keeperFor(req);
    rendered.push(req.url!);
    whileRendering();
    res.statusCode = appAnswer.status;
    for (const [name, value] of Object.entries(appAnswer.headers)) res.setHeader(name, value);
    const body = Buffer.from(appAnswer.body(req.url!));
    if (keeper?.accepts(res)) keeper.store(res, body);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  cache.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  useCache();
  rendered = [];
  whileRendering = () => {};
  appAnswer = {
    status: 200,
    body: (path) => `<html><body>${path} ${'role figures '.repeat(200)}</body></html>`,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': EDGE_PAGE_CACHE_CONTROL, xkey: 'role:nurses roles areas site', Vary: 'rsc, next-router-state-tree' },
  };
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    http
      .request(origin + path, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

/**
 * Storing compresses in the background: waits until the cache holds `count` responses and stores
 * none. (Waiting for the count alone returned at once when a new entry would replace an old one:
 * the count was already there, and the new one was not yet kept.)
 */
async function untilKept(count: number) {
  const settled = () => cache.size().entries === count && cache.size().storing === 0;
  for (let tries = 0; tries < 200 && !settled(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(cache.size().entries, count, `expected ${count} kept response(s)`);
  assert.equal(cache.size().storing, 0, 'nothing still being stored');
}

/** Waits until nothing is being stored (a store starts before its response is sent), then checks that the cache holds nothing. */
async function assertNothingKept() {
  for (let tries = 0; tries < 200 && cache.size().storing !== 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(cache.size().storing, 0, 'nothing still being stored');
  assert.equal(cache.size().entries, 0);
}

describe('the byte cache', () => {
  test('answers a public page again from memory, in the form the client takes, and 304 to its ETag', async () => {
    const first = await get('/roles/nurses');
    await untilKept(1);
    const plain = await get('/roles/nurses');
    const gzipped = await get('/roles/nurses', { 'accept-encoding': 'gzip' });
    const brotli = await get('/roles/nurses', { 'accept-encoding': 'gzip, deflate, br' });
    const head = await get('/roles/nurses', {}, 'HEAD');
    assert.deepEqual(rendered, ['/roles/nurses'], 'only the first request reached the app');
    assert.deepEqual(plain.body, first.body);
    assert.equal(first.headers['x-cache'], undefined);
    assert.equal(plain.headers['x-cache'], 'HIT');
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gzipped.body), first.body);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.deepEqual(zlib.brotliDecompressSync(brotli.body), first.body);
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(plain.headers.xkey, 'role:nurses roles areas site');
    assert.equal(plain.headers.vary, 'rsc, next-router-state-tree, accept-encoding');
    const etag = plain.headers.etag!;
    assert.match(etag, /^W\/"/);
    const revalidated = await get('/roles/nurses', { 'if-none-match': etag });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body.length, 0);
    assert.equal((await get('/roles/nurses', { 'if-none-match': 'W/"other"' })).status, 200);
  });

  test('answers 304 to If-Modified-Since when the app sent a Last-Modified, and If-None-Match wins over it', async () => {
    const lastModified = 'Mon, 07 Dec 2026 08:00:00 GMT';
    appAnswer.headers['Last-Modified'] = lastModified;
    await get('/api/v1/roles/nurses');
    await untilKept(1);
    assert.equal((await get('/api/v1/roles/nurses', { 'if-modified-since': lastModified })).status, 304);
    assert.equal((await get('/api/v1/roles/nurses', { 'if-modified-since': 'Sun, 06 Dec 2026 08:00:00 GMT' })).status, 200);
    assert.equal((await get('/api/v1/roles/nurses', { 'if-modified-since': lastModified, 'if-none-match': '"other"' })).status, 200);
  });

  test('never answers from memory, nor keeps, a request with a session cookie', async () => {
    await get('/roles/nurses', { cookie: 'theme=dark; authjs.session-token=abc' });
    await get('/roles/nurses', { cookie: '__Secure-authjs.session-token.0=abc' });
    await assertNothingKept();
    await get('/roles/nurses');
    await untilKept(1);
    await get('/roles/nurses', { cookie: 'authjs.session-token=abc' });
    assert.deepEqual(rendered, ['/roles/nurses', '/roles/nurses', '/roles/nurses', '/roles/nurses']);
  });

  test('never keeps a response that sets a cookie, is not the edge’s to keep, or is not a 200', async () => {
    appAnswer.headers['Set-Cookie'] = 'device=1';
    await get('/roles/nurses');
    delete appAnswer.headers['Set-Cookie'];
    appAnswer.headers['Cache-Control'] = 'private, no-store';
    await get('/roles/nurses');
    appAnswer.headers['Cache-Control'] = EDGE_PAGE_CACHE_CONTROL;
    appAnswer.status = 404;
    await get('/roles/nurses');
    appAnswer.status = 200;
    await get('/admin');
    await get('/login');
    await get('/?q=nurse');
    await assertNothingKept();
    assert.equal(rendered.length, 6);
  });

  test('does not give the HTML to the client router, nor keep what it asked for', async () => {
    await get('/roles/nurses', { rsc: '1' });
    await assertNothingKept();
    await get('/roles/nurses');
    await untilKept(1);
    await get('/roles/nurses', { rsc: '1' });
    assert.deepEqual(rendered, ['/roles/nurses', '/roles/nurses', '/roles/nurses']);
  });

  test('drops every response carrying an invalidated tag, and only those', async () => {
    await get('/roles/nurses');
    appAnswer.headers.xkey = 'role:plumbers roles areas site';
    await get('/roles/plumbers');
    await untilKept(2);
    announceTagsInvalidated(['role:nurses']);
    assert.equal(cache.size().entries, 1);
    await get('/roles/plumbers');
    assert.deepEqual(rendered, ['/roles/nurses', '/roles/plumbers']);
    announceTagsInvalidated(['site']);
    assert.equal(cache.size().entries, 0);
  });

  test('compresses a page once while the requests of its first render arrive together', async () => {
    // All requests of a first render answer before the first compression ends: only the first is kept,
    // the others are sent as they are (each compressing the same bytes again took a new instance to 1 GB).
    let version = 0;
    appAnswer.body = (path) => `<html><body>${path} version ${(version += 1)} ${'role figures '.repeat(2000)}</body></html>`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get('/roles/nurses')));
    assert.ok(answers.every((answer) => answer.status === 200 && answer.headers.etag), 'every answer has its ETag');
    await untilKept(1);
    const hit = await get('/roles/nurses');
    assert.equal(hit.headers['x-cache'], 'HIT');
    assert.equal(hit.headers.etag, answers[0]!.headers.etag, 'the first rendering is the one kept');
    assert.match(hit.body.toString(), /version 1 /);
  });

  test('does not keep a response rendered while a tag was invalidated: it may show what was before', async () => {
    whileRendering = () => announceTagsInvalidated(['role:nurses']);
    await get('/roles/nurses');
    await assertNothingKept();
  });

  test('with a shared store, a tag invalidated on another instance since the page was rendered is a miss', async () => {
    const invalidatedAt = new Map<string, number>();
    let storeAway = false;
    useCache({ sharedTagTimes: async (tags) => (storeAway ? null : tags.map((tag) => (invalidatedAt.has(tag) ? { staleAt: invalidatedAt.get(tag)!, expiredAt: 0 } : undefined))) });
    await get('/roles/nurses');
    await untilKept(1);
    await get('/roles/nurses');
    assert.equal(rendered.length, 1);
    storeAway = true;
    await get('/roles/nurses');
    assert.equal(rendered.length, 2, 'a store that cannot say is a miss');
    storeAway = false;
    invalidatedAt.set('roles', Date.now());
    await get('/roles/nurses');
    assert.equal(rendered.length, 3);
  });

  test('keeps at most its cap, least recently used out', async () => {
    await get('/roles/p0');
    await untilKept(1);
    const onePage = cache.size().bytes;
    // Room for eight such pages (one entry may take at most an eighth of the cap).
    useCache({ capBytes: Math.floor(onePage * 8.5) });
    for (let page = 0; page < 8; page += 1) {
      await get(`/roles/p${page}`);
      await untilKept(page + 1);
    }
    await get('/roles/p0');
    await get('/roles/p8');
    await untilKept(8);
    assert.ok(cache.size().bytes <= onePage * 8.5);
    rendered = [];
    // The others first: hits do not store, so they let nothing go.
    for (const page of [0, 2, 3, 4, 5, 6, 7, 8, 1]) await get(`/roles/p${page}`);
    assert.deepEqual(rendered, ['/roles/p1'], 'p1, the least recently used, was let go');
  });

  test('lets an entry go after the edge’s s-maxage', async () => {
    let clock = 1_000_000;
    useCache({ now: () => clock });
    await get('/roles/nurses');
    await untilKept(1);
    clock += 86_400 * 1000 - 1;
    await get('/roles/nurses');
    assert.equal(rendered.length, 1);
    clock += 1;
    await get('/roles/nurses');
    assert.equal(rendered.length, 2);
  });
});

describe('what the byte cache may keep', () => {
  test('public addresses without a query, and the listing’s common views', () => {
    const kept = (path: string) => isKeptAddress(new URL(path, 'http://front'));
    for (const path of ['/', '/roles/nurses', '/api/v1/roles/nurses', '/embed/nurses', '/states/texas', '/?sort=salary-desc', '/?category=healthcare-support&state=texas&sort=openings-asc', '/?maxEducation=high-school']) {
      assert.ok(kept(path), path);
    }
    for (const path of ['/admin', '/admin/roles', '/login', '/api/auth/session', '/employer', '/join/abc', '/api/health', '/?q=nurse', '/?category=made-up', '/?state=TX', '/?sort=salary-desc&sort=title-asc', '/?after=x', '/roles/nurses?x=1', '/embed/nurses?theme=dark']) {
      assert.ok(!kept(path), path);
    }
  });

  test('the stored form follows Accept-Encoding and its q-values', () => {
    assert.equal(encodingFor(undefined), 'identity');
    assert.equal(encodingFor('gzip'), 'gzip');
    assert.equal(encodingFor('gzip, deflate, br'), 'br');
    assert.equal(encodingFor('br;q=0, gzip'), 'gzip');
    assert.equal(encodingFor('br;q=0.5, gzip;q=1'), 'gzip');
    assert.equal(encodingFor('identity'), 'identity');
  });
});
