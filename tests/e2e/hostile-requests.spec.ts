// What an attacker's script sends gets a clear 4xx, never a 500: addresses that do not decode,
// control characters, cursors out of range or for another sort, over-long addresses, oversized
// or unmeasured bodies, cross-site form posts and requests Node cannot even parse; and a reused
// connection is answered, not reset.
import http from 'node:http';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { rawRequest, rawSocketExchange } from './support/raw-http';

const cursor = (value: unknown, id: unknown) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

test.describe('malformed addresses', () => {
  const undecodable = [
    '/api/v1/roles/%zz',
    '/api/v1/roles/%zz/history',
    '/api/v1/roles/%zz/badge.svg',
    '/embed/%zz',
    '/compare/%zz',
    '/roles/%zz',
    '/sitemaps/%zz',
    '/roles/%E0%A4%A',
    '/roles/%C3%28',
    '/roles/a%00b',
    '/api/v1/roles/%0a',
  ];
  for (const path of undecodable) {
    test(`${path} is a 400 that says why`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, { path });
      expect(response.status).toBe(400);
      if (path.startsWith('/api/')) {
        expect(response.headers['content-type']).toBe('application/problem+json');
        expect(JSON.parse(response.body)).toMatchObject({ status: 400, title: 'Bad address' });
      } else {
        expect(response.headers['content-type']).toContain('text/html');
        expect(response.body).toContain('This address could not be read');
      }
    });
  }

  test('a path longer than 2,048 characters is a 414; a long query string is judged by its parameters', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, { path: `/roles/${'a'.repeat(2100)}` });
    expect(response.status).toBe(414);
    expect(response.body).toContain('Address too long');
    const longQuery = await rawRequest(baseURL!, { path: `/api/v1/roles?q=${'a'.repeat(8000)}` });
    expect(longQuery.status).toBe(400);
  });

  test('a request Node cannot parse gets a 400 with the security headers', async ({ baseURL }) => {
    const reply = await rawSocketExchange(baseURL!, 'GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toMatch(/X-Content-Type-Options: nosniff/i);
  });
});

test.describe('search parameters', () => {
  test('a NUL in the search text: the page ignores it and says so, the API names it', async ({ page, baseURL }) => {
    const response = await page.goto('/?q=nurse%00');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status')).toContainText('ignored: search text');

    const api = await rawRequest(baseURL!, { path: '/api/v1/roles?q=a%00b' });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).invalidParams).toEqual([{ name: 'q', reason: 'Search text cannot contain control characters' }]);

    const compare = await page.goto('/compare?add=%00');
    expect(compare?.status()).toBe(200);
  });

  const badCursors: [string, string][] = [
    ['an id past the integer range', `after=${cursor('Nurse', 99_999_999_999)}`],
    ['a value past the integer range', `sort=salary&after=${cursor(99_999_999_999, 5)}`],
    ['text on a numeric sort', `sort=salary&after=${cursor('Nurse', 5)}`],
    ['a number on the title sort', `before=${cursor(12, 5)}`],
    ['a NUL in the value', `after=${cursor('a\u0000b', 5)}`],
    ['not base64 at all', 'after=%%%'],
  ];
  for (const [what, query] of badCursors) {
    test(`a cursor with ${what}: 400 from the API, a notice on the page`, async ({ page, baseURL }) => {
      const api = await rawRequest(baseURL!, { path: `/api/v1/roles?${query}` });
      expect(api.status).toBe(400);
      expect(JSON.parse(api.body).invalidParams.map((param: { name: string }) => param.name)).toEqual([query.includes('before=') ? 'before' : 'after']);
      const response = await page.goto(`/?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('status')).toContainText('were not valid and were ignored: page');
    });
  }
});

test.describe('addresses spelt another way', () => {
  test('escaped letters go to the one address (308), and keep their query', async ({ baseURL }) => {
    for (const [path, location] of [
      ['/%61dmin', '/admin'],
      ['/r%6fles/software-developers?x=1', '/roles/software-developers?x=1'],
      ['/api/v1/r%6Fles/software-developers', '/api/v1/roles/software-developers'],
      ['/compare/software-developers%2ccomputer-programmers', '/compare/software-developers%2Ccomputer-programmers'],
    ]) {
      const response = await rawRequest(baseURL!, { path: path! });
      expect(response.status, path).toBe(308);
      expect(response.headers.location, path).toBe(location);
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
  });

  test('no 404 is kept by shared caches longer than a minute: made-up addresses fill no edge', async ({ baseURL }) => {
    for (const path of ['/%7e%7e', '/no-such-page', '/roles/no-such-role', '/_next/static/no-such.js', '/api/v1/no-such', '/sitemaps/99.xml']) {
      const response = await rawRequest(baseURL!, { path });
      expect(response.status, path).toBe(path === '/%7e%7e' ? 308 : 404);
      const sharedAge = Number(/s-maxage=(\d+)/.exec(response.headers['cache-control'] ?? '')?.[1] ?? 0);
      expect(sharedAge, `${path}: ${response.headers['cache-control']}`).toBeLessThanOrEqual(60);
    }
    const followed = await rawRequest(baseURL!, { path: '/~~' });
    expect(followed.status).toBe(404);
    expect(followed.headers['cache-control']).toBe('no-store');
  });
});

test.describe('writes from elsewhere', () => {
  const form = 'email=someone%40example.com&password=x';
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(form.length) };

  test('a form post from another origin, or from an opaque one, is a 403', async ({ baseURL }) => {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await rawRequest(baseURL!, { method: 'POST', path: '/login', headers: { ...formHeaders, Origin: origin, 'Next-Action': 'x' }, body: form });
      expect(response.status, origin).toBe(403);
      expect(response.body).toContain('Cross-site request refused');
    }
    const crossSite = await rawRequest(baseURL!, { method: 'POST', path: '/admin', headers: { ...formHeaders, 'Sec-Fetch-Site': 'cross-site' }, body: form });
    expect(crossSite.status).toBe(403);
  });

  test('a body over 1 MB is a 413, and one of unknown length a 411', async ({ baseURL }) => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const tooLarge = await rawRequest(baseURL!, {
      method: 'POST',
      path: '/admin/roles/backend-software-engineer',
      headers: { 'Content-Type': 'text/plain', 'Content-Length': String(big.length), Origin: baseURL! },
      body: big,
    });
    expect(tooLarge.status).toBe(413);

    const chunked = await rawRequest(baseURL!, {
      method: 'POST',
      path: '/login',
      headers: { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', Origin: baseURL! },
      body: 'hello',
    });
    expect(chunked.status).toBe(411);
  });

  // RFC 9112 §9.6: a server that closes at once while the client is still sending makes the system
  // reset the connection, and the client sees the reset (EPIPE, ECONNRESET) instead of the answer.
  // So the answer goes out, then the server's half of the connection is closed, and what the client
  // still sends is read and dropped. Checked on a raw socket: the rest of the body is sent only
  // after the answer has been read, so the server has had every chance to close on it.
  test('a 3 MB form refused with a 413 is read to its end, not reset, after the answer', async ({ baseURL }) => {
    const { hostname, port } = new URL(baseURL!);
    const size = 3 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, 'x');
    // Half open, as an HTTP client still sending its body is: the server's FIN does not end our side.
    const socket = net.connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    const errors: string[] = [];
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    let reply = '';
    let serverEnded = false;
    socket.on('data', (data) => (reply += data.toString('latin1')));
    socket.on('end', () => (serverEnded = true));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${baseURL}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\n`,
    );
    socket.write(piece);
    await expect.poll(() => reply, { timeout: 10_000 }).toContain('Request too large');
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let sent = piece.length; sent < size && errors.length === 0; sent += piece.length) {
      await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
    }
    expect(errors, 'the rest of the body is read, not refused with a reset').toEqual([]);
    expect(serverEnded, 'the server closed its half after its answer').toBe(true);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.end();
    await closed;
    expect(errors).toEqual([]);
  });
});

test.describe('connections', () => {
  // The failure this guards against: with Node's 5 s keep-alive, a client (Varnish, a load
  // balancer, this suite's request context) sent its next request on a connection the server
  // was closing that instant, and got a reset instead of an answer.
  test('an idle connection is kept longer than a proxy keeps its own (65 s > 60 s)', async ({ baseURL }) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const socketsUsed = new Set<unknown>();
    agent.on('free', (socket) => socketsUsed.add(socket));
    try {
      const first = await rawRequest(baseURL!, { path: '/api/health' }, agent);
      expect(first.headers['keep-alive']).toBe('timeout=65');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await rawRequest(baseURL!, { path: '/api/health' }, agent);
      expect(second.status).toBe(200);
      expect(socketsUsed.size, 'the second request went over the first connection').toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
