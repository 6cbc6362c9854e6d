// The production topology (scripts/stack.ts): Varnish in front of two app instances sharing one
// Redis and the test database. A save on one instance is visible on the other at once and purges
// the edge; signed-in requests never touch the edge's cache; only allowed addresses may purge;
// Redis going away makes pages render from the database, not fail. Serial: the last test stops
// Redis. Every test uses Hydrologists, which no other test reads.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { testUsers } from '../support/users';
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
    await page.goto(`${appA}/admin/roles/${slug}`);
    await page.getByLabel('Average salary', { exact: true }).fill(String(salary));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
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

  const redis = spawn(process.env.TEST_REDIS_SERVER!, ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  try {
    await expect.poll(redisIsUp).toBe(true);
    for (const base of apps) expect((await request.get(`${base}/roles/${slug}`)).status()).toBe(200);
  } finally {
    redis.kill();
  }
});
