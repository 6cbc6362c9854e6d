// The HTTP front's rules, one by one: whose address a request is, which requests are refused,
// and which headers each kind of response gets.
import assert from 'node:assert/strict';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { edgeCacheControlOf, edgeTagsOf } from '@/lib/server/edge-cache';
import { edgePurgersFrom, purgeEdge } from '@/lib/server/edge-purge.mjs';
import { clientAddressOf, normalizeAddress, proxyTrustFromEnv } from '@/lib/server/trusted-proxies';
import { MAX_BODY_BYTES, MAX_PATH_LENGTH, MAX_UPLOAD_BYTES, normalizedPath, refusalOf } from '@/lib/server/request-guard';
import { withoutEmptyFormActions, withoutNextRuntime } from '@/lib/server/page-scripts';
import { REVALIDATED_PAGE_CACHE_CONTROL, revalidatablePage } from '@/lib/server/page-revalidation';
import { baseSecurityHeaders, inlineScriptHashes, pageContentSecurityPolicy, responseKindOf } from '@/lib/server/security-headers';

describe('the client address', () => {
  const noProxies = proxyTrustFromEnv({});

  test('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    assert.equal(clientAddressOf({ socketAddress: '203.0.113.9', forwardedFor: ['198.51.100.1'] }, noProxies), '203.0.113.9');
    assert.equal(clientAddressOf({ socketAddress: '::ffff:127.0.0.1', forwardedFor: [] }, noProxies), '127.0.0.1');
  });

  test('with one trusted hop, is the last X-Forwarded-For entry, however many the client added', () => {
    const oneHop = proxyTrustFromEnv({ TRUSTED_PROXY_HOPS: '1' });
    const forwardedFor = ['1.1.1.1, 2.2.2.2', '198.51.100.7'];
    assert.equal(clientAddressOf({ socketAddress: '10.0.0.2', forwardedFor }, oneHop), '198.51.100.7');
  });

  test('with trusted proxy ranges, skips exactly the trusted addresses from the right', () => {
    const proxies = proxyTrustFromEnv({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' });
    assert.equal(clientAddressOf({ socketAddress: '::1', forwardedFor: ['6.6.6.6, 198.51.100.7, 10.1.2.3'] }, proxies), '198.51.100.7');
    // An untrusted peer speaks only for itself.
    assert.equal(clientAddressOf({ socketAddress: '203.0.113.9', forwardedFor: ['198.51.100.7'] }, proxies), '203.0.113.9');
  });

  test('garbage forwarded by a trusted proxy stops the walk at the last address it can vouch for', () => {
    const oneHop = proxyTrustFromEnv({ TRUSTED_PROXY_HOPS: '2' });
    assert.equal(clientAddressOf({ socketAddress: '10.0.0.2', forwardedFor: ['<script>, not-an-ip'] }, oneHop), '10.0.0.2');
    assert.equal(normalizeAddress('not-an-ip'), null);
    assert.equal(normalizeAddress(' 2001:DB8::1 '), '2001:db8::1');
  });

  test('malformed settings are refused with a clear message', () => {
    assert.throws(() => proxyTrustFromEnv({ TRUSTED_PROXY_HOPS: 'two' }), /TRUSTED_PROXY_HOPS must be a whole number/);
    assert.throws(() => proxyTrustFromEnv({ TRUSTED_PROXIES: '10.0.0.0/33' }), /"10.0.0.0\/33" is not an IP address or CIDR range/);
    assert.throws(() => proxyTrustFromEnv({ TRUSTED_PROXIES: 'proxy.internal' }), /not an IP address/);
  });
});

describe('the request guard', () => {
  const request = (fields: { method?: string; url?: string; headers?: Record<string, string> }) =>
    ({ method: 'GET', url: '/', headers: {}, ...fields }) as unknown as IncomingMessage;
  const allowedOrigins = ['https://roleboard.example'];

  test('lets ordinary requests through', () => {
    assert.equal(refusalOf(request({ url: '/roles/backend-software-engineer?q=%25' }), { allowedOrigins }), null);
    assert.equal(
      refusalOf(request({ method: 'POST', url: '/login', headers: { origin: 'https://roleboard.example', 'content-length': '10' } }), { allowedOrigins }),
      null,
    );
  });

  test('refuses undecodable paths, control characters and over-long paths', () => {
    for (const url of ['/roles/%zz', '/roles/%C3%28', '/roles/a%00b', '/api/v1/roles/%0A']) {
      assert.equal(refusalOf(request({ url }), { allowedOrigins })?.status, 400, url);
    }
    assert.equal(refusalOf(request({ url: `/${'a'.repeat(MAX_PATH_LENGTH)}` }), { allowedOrigins })?.status, 414);
    assert.equal(refusalOf(request({ url: `/?q=${'a'.repeat(MAX_PATH_LENGTH)}` }), { allowedOrigins }), null);
  });

  test('refuses writes from other sites, oversized bodies and bodies of unknown length', () => {
    const post = (headers: Record<string, string>) => refusalOf(request({ method: 'POST', headers }), { allowedOrigins })?.status;
    assert.equal(post({ origin: 'https://evil.example', 'content-length': '1' }), 403);
    assert.equal(post({ origin: 'null', 'content-length': '1' }), 403);
    assert.equal(post({ 'sec-fetch-site': 'cross-site', 'content-length': '1' }), 403);
    assert.equal(post({ 'content-length': String(MAX_BODY_BYTES + 1) }), 413);
    assert.equal(post({ 'content-length': '12abc' }), 400);
    assert.equal(post({ 'transfer-encoding': 'chunked' }), 411);
  });

  test('refuses writes to public pages, the widget and assets with a 405: only sign-in, the admin and the API take them', () => {
    const post = (url: string) => refusalOf(request({ method: 'POST', url, headers: { 'content-length': '3' } }), { allowedOrigins })?.status ?? null;
    for (const url of ['/', '/compare', '/roles/software-developers', '/embed/software-developers', '/_next/static/chunks/a.js', '/sitemap.xml']) assert.equal(post(url), 405, url);
    for (const url of ['/login', '/admin/roles/new', '/api/v1/roles', '/api/auth/callback/credentials']) assert.equal(post(url), null, url);
    // Job alerts: the sign-up on /jobs, the confirm and unsubscribe buttons, RFC 8058's one-click unsubscribe.
    for (const url of ['/jobs', '/jobs?q=nurse', '/jobs/alerts/confirm', '/jobs/alerts/unsubscribe', '/jobs/alerts/unsubscribe/one-click?token=1.x']) assert.equal(post(url), null, url);
    assert.equal(post('/jobs/123'), 405);
    // Next.js's development overlay reads stack frames this way (a 405 broke its error pages).
    assert.equal(post('/__nextjs_original-stack-frames'), null);
    assert.equal(refusalOf(request({ method: 'POST', url: '/compare' }), { allowedOrigins })?.status, 405);
  });

  test('normalises paths as RFC 3986 does: escaped letters decoded, other escapes in capitals', () => {
    assert.equal(normalizedPath('/%61dmin'), '/admin');
    assert.equal(normalizedPath('/r%6Fles/x'), '/roles/x');
    assert.equal(normalizedPath('/%7e%2D%2e%5F'), '/~-._');
    assert.equal(normalizedPath('/compare/a%2cb'), '/compare/a%2Cb');
    assert.equal(normalizedPath('/roles/caf%c3%a9'), '/roles/caf%C3%A9');
    assert.equal(normalizedPath('/%25%2F'), '/%25%2F');
    assert.equal(normalizedPath('/roles/software-developers'), '/roles/software-developers');
  });

  test('lets a catalogue file of 5 MB through to the import page only', () => {
    const upload = (url: string, bytes: number) =>
      refusalOf(request({ url, method: 'POST', headers: { 'content-length': String(bytes) } }), { allowedOrigins })?.status ?? null;
    assert.equal(upload('/admin/import', 5.5 * 1024 * 1024), null);
    assert.equal(upload('/admin/import', MAX_UPLOAD_BYTES + 1), 413);
    assert.equal(upload('/admin/import/x', MAX_BODY_BYTES + 1), 413);
    assert.equal(upload('/admin', MAX_BODY_BYTES + 1), 413);
  });
});

describe('security headers', () => {
  test('each path gets its kind', () => {
    assert.equal(responseKindOf('/roles/x'), 'page');
    assert.equal(responseKindOf('/admin/users'), 'admin');
    assert.equal(responseKindOf('/api/auth/session'), 'admin');
    assert.equal(responseKindOf('/api/v1/roles'), 'api');
    assert.equal(responseKindOf('/embed/x'), 'widget');
    assert.equal(responseKindOf('/_next/static/chunks/a.js'), 'asset');
  });

  test('HSTS only for an https origin; CORP cross-origin only where other sites embed us', () => {
    assert.equal(baseSecurityHeaders('page', { https: false })['Strict-Transport-Security'], undefined);
    assert.equal(baseSecurityHeaders('page', { https: true })['Strict-Transport-Security'], 'max-age=31536000');
    assert.equal(baseSecurityHeaders('api', { https: false })['Cross-Origin-Resource-Policy'], 'cross-origin');
    assert.equal(baseSecurityHeaders('widget', { https: false })['Cross-Origin-Resource-Policy'], 'cross-origin');
    assert.equal(baseSecurityHeaders('admin', { https: false })['Cross-Origin-Resource-Policy'], 'same-origin');
    assert.equal(baseSecurityHeaders('widget', { https: false })['X-Frame-Options'], undefined);
  });

  test("a page's CSP allows exactly its executable inline scripts, never 'unsafe-inline'", () => {
    const html =
      '<script>self.a=1</script><script src="/x.js"></script><script type="application/ld+json">{"@type":"Occupation"}</script>' +
      '<script id="b" type="module">self.b=2</script><script>self.a=1</script>';
    const hashes = inlineScriptHashes(html);
    // sha256 of "self.a=1" and "self.b=2", computed independently with `printf %s … | openssl dgst -sha256 -binary | base64`.
    assert.deepEqual(hashes, ['sha256-U+8MK+0uDzz63CVi5Lllj/7310ahz5UzrVluFdPYEWw=', 'sha256-i/U23rwr3t15H5IyMYT37XeW/Ys7tmKvWoznTcpmJBA=']);
    const policy = pageContentSecurityPolicy({ scriptHashes: hashes, https: true });
    assert.match(policy, /script-src 'self' 'sha256-U\+8MK[^']+' 'sha256-i\/U23[^']+';/);
    assert.doesNotMatch(policy, /script-src[^;]*unsafe/);
    assert.match(policy, /upgrade-insecure-requests$/);
  });
});

describe('public pages without the Next.js runtime', () => {
  const page = [
    '<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
    '<script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script></head>',
    '<body><h1>Software Developers</h1><script type="application/ld+json">{"@type":"Occupation"}</script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
    '<script src="/enhance.js" async=""></script><script>$RC("B:0","S:0")</script></body></html>',
  ].join('');
  const stripped = withoutNextRuntime(page);

  test("leave out Next.js's chunks, their preloads and the RSC payload", () => {
    assert.doesNotMatch(stripped, /_next\/static\/chunks\/[bp]\.js/);
    assert.doesNotMatch(stripped, /__next_f|TURBOPACK/);
  });

  test('keep the content, the styles, JSON-LD, our own script and React streaming scripts', () => {
    for (const kept of ['<h1>Software Developers</h1>', 'a.css', 'application/ld+json', '<script src="/enhance.js" async=""></script>', '$RC("B:0","S:0")']) {
      assert.ok(stripped.includes(kept), kept);
    }
  });
});

describe('forms as React writes them', () => {
  test('lose an empty action attribute, which HTML forbids (the form still posts to its page)', () => {
    const html = '<form class="stack" noValidate="" action="" encType="multipart/form-data" method="POST"><input name="q" value="action=&quot;&quot;"/></form><form action="/search"></form>';
    assert.equal(
      withoutEmptyFormActions(html),
      '<form class="stack" noValidate="" encType="multipart/form-data" method="POST"><input name="q" value="action=&quot;&quot;"/></form><form action="/search"></form>',
    );
  });
});

describe('per-request public pages', () => {
  const request = (headers: Record<string, string> = {}, method = 'GET') => ({ method, headers }) as unknown as IncomingMessage;
  const response = (cacheControl: string) => {
    const headers = new Map<string, string>([['cache-control', cacheControl], ['content-length', '5']]);
    return {
      statusCode: 200,
      getHeader: (name: string) => headers.get(name.toLowerCase()),
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
      removeHeader: (name: string) => headers.delete(name.toLowerCase()),
      headers,
    };
  };
  const body = Buffer.from('<html>listing</html>');

  test('may be kept by any cache that asks again, with an ETag of their bytes', () => {
    const res = response('private, no-cache, no-store, max-age=0, must-revalidate');
    assert.equal(revalidatablePage(request(), res as never, body), body);
    assert.equal(res.headers.get('cache-control'), REVALIDATED_PAGE_CACHE_CONTROL);
    assert.match(res.headers.get('etag') ?? '', /^W\/"[\w-]{27}"$/);
  });

  test('answer 304 with no body when the ETag matches', () => {
    const first = response('no-store');
    revalidatablePage(request(), first as never, body);
    const etag = first.headers.get('etag')!;
    const again = response('no-store');
    assert.equal(revalidatablePage(request({ 'if-none-match': etag.replace('W/', '') }), again as never, body).length, 0);
    assert.equal(again.statusCode, 304);
    assert.equal(again.headers.has('content-length'), false);
  });

  test('keep the caching of pages Next.js caches itself (adding an ETag), and leave other methods alone', () => {
    const prerendered = response('s-maxage=31536000');
    revalidatablePage(request(), prerendered as never, body);
    assert.equal(prerendered.headers.get('cache-control'), 's-maxage=31536000');
    assert.match(prerendered.headers.get('etag') ?? '', /^W\/"/);
    const post = response('no-store');
    revalidatablePage(request({}, 'POST'), post as never, body);
    assert.equal(post.headers.get('cache-control'), 'no-store');
  });
});

describe('what the edge may keep', () => {
  const tagsOf = (path: string) => {
    const url = new URL(path, 'http://x');
    return edgeTagsOf(url.pathname, url.searchParams);
  };

  test('pages and API answers carry the tags of the data they show', () => {
    assert.deepEqual(tagsOf('/roles/software-developers'), ['role:software-developers', 'roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/roles/software-developers/states/california'), ['role:software-developers', 'roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/compare/data-scientists,actuaries'), ['role:data-scientists', 'role:actuaries', 'roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/compare/data-scientists%2Cactuaries'), ['role:data-scientists', 'role:actuaries', 'roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/compare/data-scientists,actuaries/states/texas'), ['role:data-scientists', 'role:actuaries', 'roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/embed/actuaries?theme=dark'), ['role:actuaries', 'areas', 'site']);
    assert.deepEqual(tagsOf('/api/v1/roles/actuaries/badge.svg'), ['role:actuaries', 'areas', 'site']);
    assert.deepEqual(tagsOf('/api/v1/roles/actuaries'), ['role:actuaries', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/roles/actuaries/jobs?state=TX'), ['role:actuaries', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/jobs?q=clerk'), ['jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/jobs.csv'), ['jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/jobs/42'), ['job:42', 'jobs', 'site']);
    assert.equal(tagsOf('/api/v1/jobs/not-an-id'), null);
    assert.deepEqual(tagsOf('/jobs/feed.atom?state=TX'), ['jobs', 'site']);
    assert.deepEqual(tagsOf('/roles/actuaries/jobs/feed.json'), ['role:actuaries', 'roles', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/?q=nurse'), ['roles', 'categories', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/jobs-without-a-degree'), ['roles', 'site']);
    assert.deepEqual(tagsOf('/states/texas?sort=employment'), ['roles', 'categories', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/roles.csv'), ['roles', 'categories', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf('/api/v1/areas'), ['areas', 'site']);
    assert.deepEqual(tagsOf('/api/v1/areas/CA/roles'), ['roles', 'categories', 'areas', 'jobs', 'site']);
    assert.deepEqual(tagsOf(`/api/oembed?url=${encodeURIComponent('https://roleboard.example/roles/actuaries')}`), ['role:actuaries', 'site']);
    assert.deepEqual(tagsOf(`/api/oembed?url=${encodeURIComponent('https://roleboard.example/roles/actuaries/states/texas')}`), ['role:actuaries', 'site']);
  });

  test('a made-up slug adds no tag, and answers about this instance are not kept', () => {
    assert.deepEqual(tagsOf('/roles/Not%20A%20Slug'), ['roles', 'areas', 'site']);
    assert.deepEqual(tagsOf('/compare/a,<b>'), ['role:a', 'roles', 'areas', 'site']);
    for (const path of ['/api/health', '/api/ready', '/api/auth/session', '/api/internal/revalidate', '/nowhere']) assert.equal(tagsOf(path), null, path);
  });

  test('shared caches keep 200s a day and 404s a minute; browsers revalidate pages', () => {
    assert.match(edgeCacheControlOf({ kind: 'page', status: 200 })!, /^public, max-age=0, s-maxage=86400/);
    assert.match(edgeCacheControlOf({ kind: 'api', status: 200 })!, /^public, max-age=60, s-maxage=86400/);
    assert.equal(edgeCacheControlOf({ kind: 'widget', status: 404 }), 'public, max-age=0, s-maxage=60');
    assert.equal(edgeCacheControlOf({ kind: 'api', status: 400 }), null);
    assert.equal(edgeCacheControlOf({ kind: 'page', status: 503 }), null);
  });
});

describe('purging the edge', () => {
  test('PURGE_URLS names Varnish servers; a purge sends every tag, in batches', async () => {
    const received: { method: string; tags: string }[] = [];
    const server = http.createServer((req, res) => {
      received.push({ method: req.method!, tags: String(req.headers['xkey-purge']) });
      res.end('purged');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const purgers = edgePurgersFrom(` http://127.0.0.1:${port}/ ,`);
      assert.equal(purgers.length, 1);
      const tags = Array.from({ length: 250 }, (_, index) => `role:r${index}`);
      await purgeEdge(purgers, tags);
      assert.deepEqual(received.map((request) => request.method), ['PURGE', 'PURGE']);
      assert.deepEqual(received.flatMap((request) => request.tags.split(' ')), tags);
    } finally {
      server.close();
    }
    assert.throws(() => edgePurgersFrom('ftp://x'), /not an http/);
  });

  test('an edge that does not answer is reported, not thrown: the save has happened', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      await purgeEdge(edgePurgersFrom('http://127.0.0.1:9/'), ['roles']);
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /Could not purge 1 tag\(s\) at varnish http:\/\/127\.0\.0\.1:9\//);
  });
});
