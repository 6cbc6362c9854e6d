// A server whose database refuses, then goes silent, then comes back, through a TCP proxy the
// test controls. Uncached pages answer a friendly 503 with Retry-After, the API a problem+json
// 503, readiness says so, cached pages keep working, an editor's typed work is kept, and nothing
// hangs; once the database is back, so is everything else.
import { expect, test } from '@playwright/test';
import { testUsers } from '../support/users';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { signIn } from './support/sign-in';
import { startServer, type StartedServer } from './support/server';
import { SOAK_ONLY } from './support/soak';

let proxy: TcpProxy;
let server: StartedServer;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

// This server shares the build, and so the on-disk page cache, with the one the other tests use, but
// writes its own address into the pages it renders: it caches a role page no other test opens.
const cachedRolePath = '/roles/historians';

test.beforeAll(async () => {
  const databaseUrl = new URL(process.env.DATABASE_URL!);
  proxy = await startTcpProxy({ target: { host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) } });
  server = await startServer({ env: { DATABASE_URL: proxy.url(process.env.DATABASE_URL!) } });
});
test.afterAll(async () => {
  await server?.stop();
  await proxy?.close();
});

/** GET with a generous client timeout: a request that hangs fails the test rather than passing slowly. */
async function timedGet(path: string) {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(20_000) });
  const body = await response.text();
  return { response, body, ms: Math.round(performance.now() - started) };
}

async function expectUnavailable(label: string) {
  const page = await timedGet(`/?q=outage-${label}-${Date.now()}`);
  expect(page.response.status, `the server said:\n${server.output().slice(-4000)}`).toBe(503);
  expect(page.response.headers.get('retry-after')).toBe('30');
  expect(page.response.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.body).toContain('Temporarily unavailable');

  const api = await timedGet(`/api/v1/roles?q=outage-${label}-${Date.now()}`);
  expect(api.response.status).toBe(503);
  expect(api.response.headers.get('content-type')).toBe('application/problem+json');
  expect(api.response.headers.get('retry-after')).toBe('30');
  expect(JSON.parse(api.body)).toMatchObject({ status: 503, title: 'Service Unavailable' });

  const ready = await timedGet('/api/ready');
  expect(ready.response.status).toBe(503);
  expect(JSON.parse(ready.body)).toMatchObject({ status: 'unavailable', database: 'unreachable' });
  expect((await timedGet('/api/health')).response.status).toBe(200);
  console.log(`${label}: page 503 after ${page.ms} ms, API 503 after ${api.ms} ms, readiness after ${ready.ms} ms`);
}

test('while the database is away, pages and the API say so at once, and cached pages still work', { tag: SOAK_ONLY }, async () => {
  // Served once while the database is there, so it is in the page cache.
  expect((await timedGet(cachedRolePath)).response.status).toBe(200);
  expect((await timedGet('/api/ready')).response.status).toBe(200);

  await proxy.setMode('refuse');
  await expectUnavailable('refused');
  const cached = await timedGet(cachedRolePath);
  expect(cached.response.status).toBe(200);
  expect(cached.body).toContain('Historians');
});

test('a silent database: no request hangs', { tag: SOAK_ONLY }, async () => {
  await proxy.setMode('silent');
  await expectUnavailable('silent');
  await expectUnavailable('silent, again');
});

test('once the database is back, so is the site', { tag: SOAK_ONLY }, async () => {
  await proxy.setMode('forward');
  const started = performance.now();
  let status = 0;
  while (performance.now() - started < 20_000) {
    status = (await timedGet(`/?q=recovery-${Date.now()}`)).response.status;
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(status).toBe(200);
  console.log(`recovered: first 200 ${Math.round(performance.now() - started)} ms after the database was back`);
  expect((await timedGet('/api/ready')).response.status).toBe(200);
});

test('an editor saving while the database is away keeps everything typed, and is told why', { tag: SOAK_ONLY }, async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  try {
    await signIn(page, testUsers.editor);
    await page.goto('/admin/roles/respiratory-therapists');
    await page.getByLabel('Summary').fill('A summary typed while the database was away.');
    await proxy.setMode('refuse');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'cannot reach its database right now, so nothing was saved' })).toBeVisible();
    await expect(page.getByLabel('Summary')).toHaveValue('A summary typed while the database was away.');
  } finally {
    await proxy.setMode('forward');
    await context.close();
  }
});

test('signing in while the database is away says sign-in is unavailable, not that the password is wrong', { tag: SOAK_ONLY }, async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await proxy.setMode('refuse');
    await page.getByLabel('Email').fill(testUsers.editor.email);
    await page.getByLabel('Password').fill(testUsers.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in is unavailable right now. Please try again in a few minutes.' })).toBeVisible();
  } finally {
    await proxy.setMode('forward');
    await context.close();
  }
});
