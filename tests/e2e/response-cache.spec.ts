// The HTTP front's byte cache (lib/server/response-cache.ts) end to end, on one `npm start`:
// public answers come from memory, a save shows on the very next request, and a signed-in
// visitor's requests are never answered from it nor kept in it.
import { type APIRequestContext } from '@playwright/test';
import { sendRevalidation } from '@/lib/revalidation-request';
import { testUsers } from '../support/users';
import { expect, test } from './support/own-role';
import { saveAverageSalary } from './support/role-editor';
import { signIn } from './support/sign-in';
import { STACK_UNAVAILABLE_REASON, stackAvailable, stackUrls } from './support/stack';

// Each test reads a role of its own (support/own-role.ts), a copy of this one that nobody asked for yet.
const supervisors = 'first-line-supervisors-of-office-and-administrative-support-workers';

/** Asks until the answer comes from memory: the first request renders it, and keeping it compresses it in the background. */
async function expectKept(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await request.get(path)).headers()['x-cache'], { message: `${path} comes from memory` }).toBe('HIT');
}

test('a public page comes from memory, answers 304 to its ETag, and is never sent as HTML to the client router', async ({ request, ownRole }) => {
  const { slug: readOnlySlug } = await ownRole(supervisors);
  const path = `/roles/${readOnlySlug}`;
  await expectKept(request, path);
  const kept = await request.get(path);
  expect(kept.headers()['content-type']).toContain('text/html');
  expect(kept.headers()['content-security-policy']).toContain('script-src');
  expect(kept.headers().xkey).toContain(`role:${readOnlySlug}`);
  const etag = kept.headers().etag!;
  const revalidated = await request.get(path, { headers: { 'If-None-Match': etag } });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()['x-cache']).toBe('HIT');

  const forRouter = await request.get(path, { headers: { rsc: '1' } });
  expect(forRouter.headers()['x-cache']).toBeUndefined();
  expect(forRouter.headers()['content-type']).not.toContain('text/html');

  // The listing's common views are kept; a search for words never is.
  await expectKept(request, '/?sort=salary-desc');
  for (let attempt = 0; attempt < 3; attempt += 1) expect((await request.get('/?q=supervisors')).headers()['x-cache']).toBeUndefined();
});

test('an admin save shows on the next public request, no longer from memory', async ({ page, request, ownRole }) => {
  const { slug: savedSlug } = await ownRole(supervisors);
  const paths = [`/roles/${savedSlug}`, `/api/v1/roles/${savedSlug}`, `/embed/${savedSlug}`];
  for (const path of paths) await expectKept(request, path);
  const { stats } = await (await request.get(`/api/v1/roles/${savedSlug}`)).json();
  const newSalary = stats.averageSalary + 2345;
  const formatted = `$${newSalary.toLocaleString('en-US')}`;

  await signIn(page, testUsers.admin);
  await saveAverageSalary(page, { slug: savedSlug, salary: newSalary, note: 'Byte cache test figures' });

  const rolePage = await request.get(paths[0]!);
  expect(rolePage.headers()['x-cache']).toBeUndefined();
  expect(await rolePage.text()).toContain(formatted);
  expect((await (await request.get(paths[1]!)).json()).stats.averageSalary).toBe(newSalary);
  expect(await (await request.get(paths[2]!)).text()).toContain(formatted);
});

test('a signed-in visitor is never answered from memory, and nothing they are sent is kept', async ({ page, request, ownRole }) => {
  const { slug: signedInSlug } = await ownRole(supervisors);
  const path = `/roles/${signedInSlug}`;
  await signIn(page, testUsers.admin);
  // Asked only while signed in: had it been kept, the next anonymous request would come from memory.
  for (let attempt = 0; attempt < 3; attempt += 1) expect((await page.request.get(path)).headers()['x-cache']).toBeUndefined();
  expect((await request.get(path)).headers()['x-cache']).toBeUndefined();

  await expectKept(request, '/roles/backend-software-engineer');
  expect((await page.request.get('/roles/backend-software-engineer')).headers()['x-cache']).toBeUndefined();
});

test('tags invalidated from outside a request (the closing job, an import) drop what showed them', async ({ request, baseURL, ownRole }) => {
  const { slug: closedSlug } = await ownRole(supervisors);
  const path = `/roles/${closedSlug}`;
  await expectKept(request, path);
  // What the closing job sends once postings have closed (lib/server/closing-job.ts).
  const refused = await sendRevalidation({ origin: baseURL!, tags: [`role:${closedSlug}`], secret: process.env.AUTH_SECRET! });
  expect(refused?.status ?? null).toBeNull();
  expect((await request.get(path)).headers()['x-cache']).toBeUndefined();
});

test('with Redis, a save on one instance drops what the other kept, at its next request', async ({ browser, request, ownRole }) => {
  test.skip(!stackAvailable, STACK_UNAVAILABLE_REASON);
  const { slug: stackSlug } = await ownRole(supervisors);
  const [appA, appB] = stackUrls.apps;
  const paths = [`${appB}/roles/${stackSlug}`, `${appB}/api/v1/roles/${stackSlug}`];
  for (const path of paths) await expectKept(request, path);
  const { stats } = await (await request.get(paths[1]!)).json();
  const newSalary = stats.averageSalary + 3456;

  const context = await browser.newContext({ baseURL: appA });
  try {
    const page = await context.newPage();
    await signIn(page, testUsers.admin);
    await saveAverageSalary(page, { origin: appA, slug: stackSlug, salary: newSalary, note: 'Byte cache stack test figures' });
  } finally {
    await context.close();
  }

  const rolePage = await request.get(paths[0]!);
  expect(rolePage.headers()['x-cache']).toBeUndefined();
  expect(await rolePage.text()).toContain(`$${newSalary.toLocaleString('en-US')}`);
  expect((await (await request.get(paths[1]!)).json()).stats.averageSalary).toBe(newSalary);
});
