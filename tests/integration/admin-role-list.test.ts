// The admin roles list (listRolesForAdmin) over the whole catalogue: pages of 50 that together hold
// every role once, in the order asked for (title, category, average salary with unknown figures
// last, last change), and an empty page past the end rather than an error.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN_ROLES_PAGE_SIZE, listRolesForAdmin, type AdminRoleListQuery } from '@/db/role-edits';
import { closeDatabase } from '@/db/client';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();

after(async () => {
  await Promise.all([sql.end(), closeDatabase()]);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

/** Every page of one view, in order. */
async function allPages(query: AdminRoleListQuery) {
  const claims = await editorClaims();
  const first = await listRolesForAdmin(claims, { ...query, page: 1 });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++) pages.push(await listRolesForAdmin(claims, { ...query, page }));
  return { total: first.total, pageCount: first.pageCount, items: pages.flatMap((page) => page.items) };
}

describe('the admin roles list', () => {
  test('pages of 50 by title hold every role once, in the database’s title order', async () => {
    const { count } = (await sql<{ count: number }[]>`select count(*)::int as count from roles`)[0]!;
    const expected = await sql<{ id: number }[]>`select id from roles order by title, id`;
    const { total, pageCount, items } = await allPages({});
    assert.ok(count > ADMIN_ROLES_PAGE_SIZE * 2, 'the catalogue fills several pages');
    assert.equal(total, count);
    assert.equal(pageCount, Math.ceil(count / ADMIN_ROLES_PAGE_SIZE));
    assert.deepEqual(
      items.map((item) => item.id),
      expected.map((row) => row.id),
    );
    const second = await listRolesForAdmin(await editorClaims(), { page: 2 });
    assert.equal(second.items.length, ADMIN_ROLES_PAGE_SIZE);
    assert.deepEqual(
      second.items.map((item) => item.id),
      expected.slice(ADMIN_ROLES_PAGE_SIZE, ADMIN_ROLES_PAGE_SIZE * 2).map((row) => row.id),
    );
  });

  test('by average salary: the best-paid first (or last), roles without a figure always at the end', async () => {
    const { top, bottom, unknown } = (
      await sql<{ top: number; bottom: number; unknown: number }[]>`
      select max(average_salary)::int as top, min(average_salary)::int as bottom, count(*) filter (where average_salary is null)::int as unknown
      from role_stats`
    )[0]!;
    const claims = await editorClaims();
    const highest = await listRolesForAdmin(claims, { sort: 'salary' });
    assert.equal(highest.order, 'desc', 'salary starts with the best-paid');
    assert.equal(highest.items[0]!.averageSalary, top);
    const lowest = await listRolesForAdmin(claims, { sort: 'salary', order: 'asc' });
    assert.equal(lowest.items[0]!.averageSalary, bottom);

    for (const order of ['asc', 'desc'] as const) {
      const { items } = await allPages({ sort: 'salary', order });
      const salaries = items.map((item) => item.averageSalary);
      const known = salaries.filter((salary): salary is number => salary !== null);
      assert.deepEqual(known, [...known].sort((a, b) => (order === 'asc' ? a - b : b - a)), `salaries ${order}`);
      assert.ok(salaries.slice(known.length).every((salary) => salary === null), 'unknown salaries come last');
      assert.equal(salaries.length - known.length, unknown);
    }
  });

  test('by category, then title; by last change, newest first', async () => {
    const expected = await sql<{ id: number }[]>`
      select r.id from roles r join categories c on c.slug = r.category_slug order by c.name desc, r.title, r.id limit ${ADMIN_ROLES_PAGE_SIZE}`;
    const claims = await editorClaims();
    const byCategory = await listRolesForAdmin(claims, { sort: 'category', order: 'desc' });
    assert.deepEqual(
      byCategory.items.map((item) => item.id),
      expected.map((row) => row.id),
    );
    const { newest } = (await sql<{ newest: number }[]>`select id as newest from roles order by updated_at desc, title, id limit 1`)[0]!;
    assert.equal((await listRolesForAdmin(claims, { sort: 'updated' })).items[0]!.id, newest);
  });

  test('filters and paging together; a page past the end is empty and says how many there are', async () => {
    const claims = await editorClaims();
    const engineers = await listRolesForAdmin(claims, { q: 'engineer', sort: 'salary' });
    assert.ok(engineers.total > 0 && engineers.total < 200);
    assert.ok(engineers.items.every((item) => /engineer/i.test(item.title) || /engineer/i.test(item.slug)));
    const pastTheEnd = await listRolesForAdmin(claims, { q: 'engineer', page: 99 });
    assert.deepEqual(pastTheEnd.items, []);
    assert.equal(pastTheEnd.total, engineers.total);
    assert.equal(pastTheEnd.page, 99);
    assert.equal(pastTheEnd.pageCount, engineers.pageCount);
    const none = await listRolesForAdmin(claims, { q: 'no role is called this' });
    assert.deepEqual([none.total, none.pageCount, none.items.length], [0, 1, 0]);
  });
});
