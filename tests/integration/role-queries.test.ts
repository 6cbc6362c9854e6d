import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabase } from '@/db/client';
import { getPublishedRoleBySlug, listPublishedRoles, listSimilarRoles } from '@/db/roles';
import { seedRoles } from '@/db/seed/seed';
import type { RoleSearch } from '@/lib/role-search';
import { connectToTestDatabase } from '../support/database';

const { sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

/** Every role a search returns, walking the pages forwards with cursors. */
async function allPages(search: RoleSearch, pageSize: number) {
  const titles: string[] = [];
  let page = await listPublishedRoles(search, pageSize);
  titles.push(...page.items.map((item) => item.title));
  while (page.nextCursor) {
    page = await listPublishedRoles({ ...search, after: page.nextCursor }, pageSize);
    titles.push(...page.items.map((item) => item.title));
  }
  return titles;
}

describe('listing queries', () => {
  test('search matches titles and keywords', async () => {
    const page = await listPublishedRoles({ q: 'backend' });
    assert.deepEqual(page.items.map((item) => item.slug), ['backend-software-engineer']);
    assert.equal(page.total, 1);
    const partial = await listPublishedRoles({ q: 'softw' });
    assert.ok(partial.items.some((item) => item.slug === 'backend-software-engineer'), 'partial words match titles');
  });

  test('% and _ are searched literally, and SQL in the search is just text', async () => {
    assert.equal((await listPublishedRoles({ q: '%' })).total, 0);
    assert.equal((await listPublishedRoles({ q: '_' })).total, 0);
    assert.equal((await listPublishedRoles({ q: "'; drop table roles; --" })).total, 0);
    const [row] = await sql`select count(*)::int as count from roles`;
    assert.equal(row?.count, seedRoles.length);
  });

  test('filters by category, minimum salary and maximum degree requirement', async () => {
    const healthcare = await listPublishedRoles({ category: 'healthcare-practitioners-and-technical' }, 100);
    assert.ok(healthcare.items.length >= 3);
    assert.ok(healthcare.items.every((item) => item.categorySlug === 'healthcare-practitioners-and-technical'));

    const wellPaid = await listPublishedRoles({ minSalary: 120000 }, 100);
    assert.ok(wellPaid.items.length > 0);
    assert.ok(wellPaid.items.every((item) => item.averageSalary! >= 120000));
    assert.equal(wellPaid.total, seedRoles.filter((role) => role.stats.averageSalary! >= 120000).length);

    const noDegree = await listPublishedRoles({ maxDegree: 50 }, 100);
    assert.equal(noDegree.total, seedRoles.filter((role) => role.stats.degreeRequirementPercent! <= 50).length);
    assert.ok(noDegree.items.every((item) => item.degreeRequirementPercent! <= 50));
  });

  test('sorts by title, salary and openings', async () => {
    const byTitle = await allPages({}, 100);
    const expected = await sql`select title from roles where status = 'published' order by title, id`;
    assert.deepEqual(byTitle, expected.map((row) => row.title));

    const bySalary = (await listPublishedRoles({ sort: 'salary' }, 100)).items.map((item) => item.averageSalary);
    assert.deepEqual(bySalary, [...bySalary].sort((a, b) => b! - a!));
    const bySalaryAscending = (await listPublishedRoles({ sort: 'salary', order: 'asc' }, 100)).items.map((item) => item.averageSalary);
    assert.deepEqual(bySalaryAscending, [...bySalary].reverse());

    const byOpenings = (await listPublishedRoles({ sort: 'openings' }, 100)).items.map((item) => item.jobOpenings);
    assert.deepEqual(byOpenings, [...byOpenings].sort((a, b) => b - a));
  });

  test('keyset pages visit every role exactly once, forwards and backwards', async () => {
    for (const sort of ['title', 'salary', 'openings'] as const) {
      const oneBigPage = (await listPublishedRoles({ sort }, 1000)).items.map((item) => item.title);
      assert.deepEqual(await allPages({ sort }, 7), oneBigPage, `paged by ${sort}`);
    }
    const first = await listPublishedRoles({ sort: 'salary' }, 5);
    assert.equal(first.previousCursor, null);
    const second = await listPublishedRoles({ sort: 'salary', after: first.nextCursor! }, 5);
    assert.ok(second.previousCursor);
    const back = await listPublishedRoles({ sort: 'salary', before: second.previousCursor! }, 5);
    assert.deepEqual(back.items, first.items);
    assert.equal(back.previousCursor, null, 'the first page has no previous page');
  });

  test('archived roles are not public', async () => {
    const slug = 'backend-software-engineer';
    await sql`update roles set status = 'archived' where slug = ${slug}`;
    try {
      assert.equal(await getPublishedRoleBySlug({ slug }), null);
      assert.equal((await listPublishedRoles({ q: 'backend' })).total, 0);
    } finally {
      await sql`update roles set status = 'published' where slug = ${slug}`;
    }
    assert.equal((await getPublishedRoleBySlug({ slug }))?.stats.averageSalary, 110000);
  });

  test('similar roles share the category and are ordered by closeness of salary', async () => {
    const role = (await getPublishedRoleBySlug({ slug: 'backend-software-engineer' }))!;
    const similar = await listSimilarRoles({ roleId: role.id, categorySlug: role.category.slug, averageSalary: 110000 });
    assert.ok(similar.length > 0);
    assert.ok(similar.every((item) => item.categorySlug === role.category.slug && item.id !== role.id));
    const distances = similar.map((item) => Math.abs(item.averageSalary! - 110000));
    assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
  });
});
