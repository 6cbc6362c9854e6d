// After an admin saves, every public surface shows the new value on the very next request.
import { expect, test } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

const slug = 'pharmacist';

test('an edit reaches the API, CSV, widget, badge, history and comparisons at once', async ({ page, request }) => {
  // Prime every cache first, so the test proves invalidation rather than a cold read.
  const before = await request.get(`/api/v1/roles/${slug}`);
  const oldEtag = before.headers().etag!;
  const { stats } = await before.json();
  const historyBefore = (await (await request.get(`/api/v1/roles/${slug}/history`)).json()).items.length;
  await request.get(`/embed/${slug}`);
  await request.get(`/api/v1/roles/${slug}/badge.svg`);
  await request.get('/api/v1/roles.csv');
  const comparison = `/compare/${slug},backend-software-engineer`;
  await request.get(comparison);

  const newSalary = stats.averageSalary + 1234;
  const formatted = `$${newSalary.toLocaleString('en-US')}`;
  await signIn(page, testUsers.admin);
  await page.goto(`/admin/roles/${slug}`);
  await page.getByLabel('Average salary', { exact: true }).fill(String(newSalary));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const after = await request.get(`/api/v1/roles/${slug}`, { headers: { 'If-None-Match': oldEtag } });
  expect(after.status(), 'the old ETag no longer matches').toBe(200);
  expect((await after.json()).stats.averageSalary).toBe(newSalary);

  const history = (await (await request.get(`/api/v1/roles/${slug}/history`)).json()).items;
  expect(history).toHaveLength(historyBefore + 1);
  expect(history.at(-1).averageSalary).toBe(newSalary);

  expect(await (await request.get(`/embed/${slug}`)).text()).toContain(formatted);
  expect(await (await request.get(`/api/v1/roles/${slug}/badge.svg`)).text()).toContain(`avg salary: ${formatted}`);
  const csv = await (await request.get('/api/v1/roles.csv')).text();
  expect(csv.split('\r\n').find((line) => line.startsWith(`${slug},`))).toContain(`,${newSalary},`);
  expect(await (await request.get(comparison)).text()).toContain(formatted);
  const listing = await (await request.get('/api/v1/roles?q=pharmacist')).json();
  expect(listing.items[0].stats.averageSalary).toBe(newSalary);
});
