// The production topology (scripts/stack.ts): Varnish in front of two app instances sharing one
// Redis and the test database. A save on one instance is visible on the other at once and purges
// the edge; signed-in requests never touch the edge's cache; only allowed addresses may purge;
// Redis going away makes pages render from the database, not fail; the instances are reachable
// only on 127.0.0.1, believe no client's X-Forwarded-For, and posts to cached reads add nothing to
// Redis, which is capped; an employer's posting published on one instance counts on the other and
// at the edge at the next request. Serial: the last test stops Redis. Every test uses
// Hydrologists, which no other test reads.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createClient } from 'redis';
import { createDatabase } from '@/db/connection';
import { readServerReferences } from '@/lib/server/server-actions';
import { REDIS_CACHE_ARGUMENTS } from '@/lib/server/shared-redis.mjs';
import { testUsers } from '../support/users';
import { employerWithLink, fillPosting, signUpAndSignIn } from './support/employers';
import { saveAverageSalary } from './support/role-editor';
import { signIn } from './support/sign-in';
import { STACK_UNAVAILABLE_REASON, stackAvailable, stackUrls } from './support/stack';

const { edge, apps } = stackUrls;
const [appA, appB] = apps;
const slug = 'hydrologists';
const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;
/** A salary no earlier run can have left in a cache, below every filter edge the other tests use. */
const freshSalary = () => 81_000 + Math.floor(Math.random() * 9_000);

test.describe.configure({ mode: 'serial' });
test.skip(!stackAvailable, STACK_UNAVAILABLE_REASON);

/** What a server shows for the role: the page's overview, the API's figure and the widget's. */
async function figuresAt(request: APIRequestContext, base: string) {
  const [page, api, widget] = await Promise.all([
    request.get(`${base}/roles/${slug}`),
    request.get(`${base}/api/v1/roles/${slug}`),
    request.get(`${base}/embed/${slug}`),
  ]);
  for (const response of [page, api, widget]) expect(response.status(), response.url()).toBe(200);
  return { page: await page.text(), apiSalary: (await api.json()).stats.averageSalary as number, widget: await widget.text() };
}

/** The role's open postings as a server answers: the API's count and the role page's words. */
async function openPostingsAt(request: APIRequestContext, base: string) {
  const [api, page] = await Promise.all([request.get(`${base}/api/v1/roles/${slug}`), request.get(`${base}/roles/${slug}`)]);
  for (const response of [api, page]) expect(response.status(), response.url()).toBe(200);
  const body = (await api.json()) as { postings?: { openCount: number } | null };
  return { apiCount: body.postings?.openCount ?? 0, page: await page.text() };
}

/** The role page's figure for `count` open postings, as components/jobs/role-openings.tsx writes it. */
const openPostingsText = (count: number) => `<strong>${count === 0 ? 'No open postings now' : `${count} open ${count === 1 ? 'posting' : 'postings'}`}</strong>`;

/** A raw PURGE, optionally from another local address (127.0.0.2 is this machine too, but not in the ACL). */
function purge(headers: Record<string, string>, localAddress?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { port } = new URL(edge);
    const request = http.request({ host: '127.0.0.1', port, method: 'PURGE', path: '/', headers, localAddress }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('a save on one instance is on the other at the next request, and purges the edge', async ({ browser, request }) => {
  test.slow();
  // Seen, and so cached, on instance B and at the edge before the edit.
  const before = await figuresAt(request, appB);
  await request.get(`${edge}/roles/${slug}`);
  const cached = await request.get(`${edge}/roles/${slug}`);
  expect(cached.headers()['x-cache']).toBe('HIT');
  expect(Number(cached.headers()['age'])).toBeGreaterThanOrEqual(0);

  const salary = freshSalary();
  expect(before.apiSalary).not.toBe(salary);
  const context = await browser.newContext({ baseURL: appA });
  try {
    const page = await context.newPage();
    await signIn(page, testUsers.editor);
    await saveAverageSalary(page, { origin: appA, slug, salary, note: 'Stack test figures' });
  } finally {
    await context.close();
  }

  const after = await figuresAt(request, appB);
  expect(after.apiSalary).toBe(salary);
  expect(after.page).toContain(money(salary));
  expect(after.widget).toContain(money(salary));

  const fresh = await request.get(`${edge}/roles/${slug}`);
  expect(fresh.headers()['x-cache']).toBe('MISS');
  expect(await fresh.text()).toContain(money(salary));
  const edgeApi = await (await request.get(`${edge}/api/v1/roles/${slug}`)).json();
  expect(edgeApi.stats.averageSalary).toBe(salary);
});

test("an employer's posting published on one instance counts on the other and at the edge at the next request, and closing it takes it back", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const run = `${process.pid}${Date.now()}`;
  const name = `Stack Waters ${run}`;
  const email = `hana-${run}@stackwaters.example`;
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ baseURL: appA })));
  try {
    const [admin, member, editor] = await Promise.all(contexts.map((context) => context.newPage()));
    await signIn(admin!, testUsers.admin);
    await signUpAndSignIn(member!, await employerWithLink(admin!, name, email), email);

    // A new employer's first posting waits for an editor; once one is approved, the next publish at once.
    await member!.goto('/employer/postings/new');
    await fillPosting(member!, `Groundwater Hydrologist ${run}`, slug);
    await member!.getByRole('button', { name: 'Publish' }).click();
    await expect(member!.getByRole('status').filter({ hasText: 'Sent for review' })).toBeVisible();
    await signIn(editor!, testUsers.editor);
    await editor!.goto('/admin/jobs/review');
    await editor!.getByRole('button', { name: `Approve and publish “Groundwater Hydrologist ${run}”` }).click();
    await expect(editor!.getByRole('status').filter({ hasText: 'Published: the posting is on the site now.' })).toBeVisible();

    // Seen, and so cached, on instance B and at the edge before the member publishes.
    const before = (await openPostingsAt(request, appB)).apiCount;
    expect((await openPostingsAt(request, edge)).apiCount).toBe(before);
    const cached = await request.get(`${edge}/roles/${slug}`);
    expect(cached.headers()['x-cache']).toBe('HIT');
    expect(await cached.text()).toContain(openPostingsText(before));

    await member!.goto('/employer/postings/new');
    await fillPosting(member!, `Flood Risk Hydrologist ${run}`, slug);
    await member!.getByRole('button', { name: 'Publish' }).click();
    await expect(member!.getByRole('status').filter({ hasText: 'Published: it is on Roleboard now' })).toBeVisible();
    for (const base of [appB, edge]) {
      const after = await openPostingsAt(request, base);
      expect(after.apiCount, base).toBe(before + 1);
      expect(after.page, base).toContain(openPostingsText(before + 1));
    }

    await member!.getByRole('button', { name: 'Close this posting' }).click();
    await expect(member!.getByRole('status').filter({ hasText: 'Closed: it has left the open postings' })).toBeVisible();
    for (const base of [appB, edge]) {
      const closed = await openPostingsAt(request, base);
      expect(closed.apiCount, base).toBe(before);
      expect(closed.page, base).toContain(openPostingsText(before));
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('a request with a session cookie is never served from the edge, nor stored there', async ({ request }) => {
  const url = `${edge}/roles/${slug}?probe=${Date.now()}`;
  const signedIn = { Cookie: 'authjs.session-token=someone' };
  expect((await request.get(url, { headers: signedIn })).headers()['x-cache']).toBe('MISS');
  // Nothing was stored for it: the first anonymous request is a miss too, the second a hit.
  expect((await request.get(url)).headers()['x-cache']).toBe('MISS');
  expect((await request.get(url)).headers()['x-cache']).toBe('HIT');
  // Now that a copy is there, the signed-in visitor still gets theirs from the app.
  expect((await request.get(url, { headers: { Cookie: '__Secure-authjs.session-token=someone; theme=dark' } })).headers()['x-cache']).toBe('MISS');
  for (const path of ['/login', '/admin', '/api/health']) {
    await request.get(`${edge}${path}`, { maxRedirects: 0 });
    expect((await request.get(`${edge}${path}`, { maxRedirects: 0 })).headers()['x-cache'], path).toBe('MISS');
  }
  // The tags stay between the app and the edge.
  expect((await request.get(url)).headers()['xkey']).toBeUndefined();
});

test('only allowed addresses may purge, and a purge names its tags', async () => {
  const foreign = await purge({ 'xkey-purge': 'roles' }, '127.0.0.2');
  expect(foreign.status).toBe(403);
  expect(foreign.body).toContain('Purging is not allowed from this address');
  expect((await purge({})).status).toBe(400);
  expect(await purge({ 'xkey-purge': 'role:no-such-role' })).toMatchObject({ status: 200, body: expect.stringContaining('Purged 0 objects') });
});

/** Whether a TCP connection to this address and port is taken. */
function connects(host: string, port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

test('the instances listen on 127.0.0.1 only, and believe only the address Varnish saw', async ({ browser }) => {
  // Straight to an instance from another address of this machine: nobody is there.
  const outside = Object.values(os.networkInterfaces())
    .flat()
    .find((item) => item?.family === 'IPv4' && !item.internal)?.address;
  if (outside) {
    for (const app of apps) expect(await connects(outside, Number(new URL(app).port)), `${app} from ${outside}`).toBe(false);
  } else {
    test.info().annotations.push({ type: 'note', description: 'This machine has no address but loopback: where the instances listen was not checked.' });
  }
  for (const app of apps) expect(await connects('127.0.0.1', Number(new URL(app).port))).toBe(true);

  // Through the edge, a client's own X-Forwarded-For is not its address: the sign-in throttling counts the one Varnish saw.
  const email = `forged-address-${Date.now()}@roleboard.test`;
  const context = await browser.newContext({ baseURL: edge, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.77, 198.51.100.9' } });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
  } finally {
    await context.close();
  }
  const { sql } = createDatabase(process.env.DATABASE_URL!, { max: 1 });
  try {
    const rows = await sql<{ ip_address: string }[]>`select ip_address from login_attempts where email = ${email}`;
    expect(rows.map((row) => row.ip_address)).toEqual(['127.0.0.1']);
  } finally {
    await sql.end();
  }
});

test("the caches' Redis is capped, and 1,000 anonymous posts to cached reads add nothing to it", async ({ request }) => {
  test.slow();
  const redis = createClient({ url: process.env.TEST_REDIS_URL! });
  await redis.connect();
  try {
    const config = await redis.configGet(['maxmemory', 'maxmemory-policy']);
    expect(config).toEqual({ maxmemory: String(256 * 1024 * 1024), 'maxmemory-policy': 'volatile-lru' });

    // Whatever the pages need is cached first, so only what the posts would add is counted.
    for (const base of [edge, ...apps]) expect((await request.get(`${base}/compare/software-developers,computer-programmers`)).status()).toBe(200);
    const keysBefore = await redis.dbSize();
    const memoryBefore = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

    const { cacheFunctions } = readServerReferences('.next');
    const ids = [...cacheFunctions];
    const statuses = new Map<number, number>();
    for (let post = 0; post < 1000; post++) {
      const base = [edge, ...apps][post % 3]!;
      const id = ids[post % ids.length]!;
      // Every post a new argument, as the attack's: each would have been a new entry.
      const response = await request.post(`${base}${post % 2 ? '/login' : '/admin/roles/new'}`, {
        headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Cookie: 'authjs.session-token=made-up' },
        data: JSON.stringify([post, 1_000_001]),
        maxRedirects: 0,
      });
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
    }
    expect([...statuses.keys()]).toEqual([404]);
    const keysAfter = await redis.dbSize();
    const memoryAfter = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    console.log(`1,000 anonymous posts to cached reads: Redis keys ${keysBefore} → ${keysAfter}, used memory ${memoryBefore} → ${memoryAfter} bytes`);
    expect(keysAfter).toBe(keysBefore);
  } finally {
    await redis.quit();
  }
});

test('with Redis gone, both instances render from the database; with it back, they share again', async ({ request }) => {
  test.slow();
  const { port } = new URL(process.env.TEST_REDIS_URL!);
  const redisIsUp = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
  await new Promise<void>((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end('SHUTDOWN NOSAVE\r\n'));
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  await expect.poll(redisIsUp).toBe(false);

  const expected = (await (await request.get(`${appA}/api/v1/roles/${slug}`)).json()).stats.averageSalary as number;
  for (const base of apps) {
    const figures = await figuresAt(request, base);
    expect(figures.apiSalary).toBe(expected);
    expect(figures.page).toContain(money(expected));
    expect((await request.get(`${base}/`)).status()).toBe(200);
  }

  const redis = spawn(process.env.TEST_REDIS_SERVER!, ['--port', port, ...REDIS_CACHE_ARGUMENTS], { stdio: 'ignore' });
  try {
    await expect.poll(redisIsUp).toBe(true);
    for (const base of apps) expect((await request.get(`${base}/roles/${slug}`)).status()).toBe(200);
  } finally {
    redis.kill();
  }
});
