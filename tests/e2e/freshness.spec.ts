// After an admin saves, every public surface shows the new value on the very next request.
import { parse } from 'csv-parse/sync';
import { testUsers } from '../support/users';
import { expect, test } from './support/own-role';
import { saveAverageSalary } from './support/role-editor';
import { signIn } from './support/sign-in';

test('an edit reaches the API, CSV, widget, badge, history and comparisons at once', async ({ page, request, ownRole }) => {
  // The test changes the salary of a role of its own.
  const { slug, title } = await ownRole('dietitians-and-nutritionists');
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
  await saveAverageSalary(page, { slug, salary: newSalary, note: 'Freshness test figures' });

  const after = await request.get(`/api/v1/roles/${slug}`, { headers: { 'If-None-Match': oldEtag } });
  expect(after.status(), 'the old ETag no longer matches').toBe(200);
  expect((await after.json()).stats.averageSalary).toBe(newSalary);

  const history = (await (await request.get(`/api/v1/roles/${slug}/history`)).json()).items;
  expect(history).toHaveLength(historyBefore + 1);
  expect(history.at(-1).averageSalary).toBe(newSalary);

  expect(await (await request.get(`/embed/${slug}`)).text()).toContain(formatted);
  expect(await (await request.get(`/api/v1/roles/${slug}/badge.svg`)).text()).toContain(`avg salary: ${formatted}`);
  const csv = parse<Record<string, string>>(await (await request.get('/api/v1/roles.csv')).text(), { columns: true });
  expect(csv.find((row) => row.slug === slug)?.average_salary).toBe(String(newSalary));
  expect(await (await request.get(comparison)).text()).toContain(formatted);
  const listing = await (await request.get(`/api/v1/roles?q=${encodeURIComponent(title)}`)).json();
  expect(listing.items[0].slug).toBe(slug);
  expect(listing.items[0].stats.averageSalary).toBe(newSalary);
});
