import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabase } from '@/db/client';
import { getPublishedRoleBySlug, listSimilarRoles } from '@/db/role-reads';
import { listPublishedRoles } from '@/db/role-search';
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

/** Every average salary of a search's roles, in the order its pages list them. */
async function allSalaries(search: RoleSearch) {
  const salaries: (number | null)[] = [];
  for (let page = await listPublishedRoles(search, 100); ; page = await listPublishedRoles({ ...search, after: page.nextCursor! }, 100)) {
    salaries.push(...page.items.map((item) => item.averageSalary));
    if (!page.nextCursor) return salaries;
  }
}

async function countRoles() {
  const [row] = await sql`select count(*)::int as count from roles`;
  return row!.count as number;
}

/** Published roles meeting a condition on roles `r` and their stats `s`, counted by SQL alone. */
async function countPublished(condition: ReturnType<typeof sql>) {
  const [row] = await sql`select count(*)::int as count from roles r join role_stats s on s.role_id = r.id where r.status = 'published' and ${condition}`;
  return row!.count as number;
}

describe('listing queries', () => {
  test('search matches titles and keywords', async () => {
    const page = await listPublishedRoles({ q: 'backend' });
    assert.deepEqual(page.items.map((item) => item.slug), ['backend-software-engineer']);
    assert.equal(page.total, 1);
    const partial = await listPublishedRoles({ q: 'softw' });
    assert.ok(partial.items.some((item) => item.slug === 'backend-software-engineer'), 'partial words match titles');
  });

  test('every word counts, and a word may be cut short', async () => {
    const page = await listPublishedRoles({ q: 'softw develop' });
    assert.equal(page.items[0]?.slug, 'software-developers');
    const ids = page.items.map((item) => item.id);
    const [row] = await sql`select count(*)::int as "withBoth" from roles
      where id = any(${ids}) and concat_ws(' ', title, summary, array_to_string(alternative_titles, ' ')) ~* '\\msoftw' and concat_ws(' ', title, summary, array_to_string(alternative_titles, ' ')) ~* '\\mdevelop'`;
    assert.equal(row!.withBoth, ids.length, 'each has a word starting "softw" and one starting "develop"');
    assert.equal((await listPublishedRoles({ q: 'software zyzzyva' })).total, 0, 'a word no role has finds nothing');
  });

  test('close spellings only when no role has the words', async () => {
    const misspelt = await listPublishedRoles({ q: 'softwre developers' });
    assert.ok(misspelt.items.slice(0, 3).some((item) => item.slug === 'software-developers'), misspelt.items.map((item) => item.slug).join(', '));
    // Roles have the word "nurse", but none in this category: none, not titles spelled like it.
    const filteredOut = await listPublishedRoles({ q: 'nurse', category: 'computer-and-mathematical' });
    assert.deepEqual([filteredOut.total, filteredOut.items.length], [0, 0]);
  });

  test('each word spelt wrong is corrected to the closest words of the names, the others kept', async () => {
    // Two letters swapped: too few trigrams in common with a whole title for a match of titles.
    const swapped = await listPublishedRoles({ q: 'tecnhicians' });
    assert.ok(swapped.total > 0 && swapped.items.slice(0, 5).every((item) => /technician/i.test(item.title)), swapped.items.map((item) => item.title).join(', '));
    assert.equal(swapped.correctedText, 'technicians', 'says what it searched instead');
    const oneSlip = await listPublishedRoles({ q: 'regsitered nurses' });
    assert.equal(oneSlip.items[0]?.slug, 'registered-nurses', oneSlip.items.map((item) => item.slug).join(', '));
    assert.equal(oneSlip.correctedText, 'registered nurses');
    assert.equal((await listPublishedRoles({ q: 'registered nurses' })).correctedText, null, 'words typed right are not corrected');
    // A word nothing is close to finds nothing, even beside a word that is right.
    assert.equal((await listPublishedRoles({ q: 'qxzvbnq' })).total, 0);
    assert.equal((await listPublishedRoles({ q: 'nurses qxzvbnq' })).total, 0);
    // Filters still apply to corrected words.
    const filtered = await listPublishedRoles({ q: 'tecnhicians', category: 'healthcare-practitioners-and-technical' }, 100);
    assert.ok(filtered.total > 0 && filtered.total < swapped.total && filtered.items.every((item) => item.categorySlug === 'healthcare-practitioners-and-technical'));
  });

  test('ranked by relevance, pages continue exactly where the one before ended', async () => {
    for (const [q, pageSize] of [['manager', 7], ['softwre', 1]] as const) {
      const oneBigPage = (await listPublishedRoles({ q }, 1000)).items.map((item) => item.title);
      assert.ok(oneBigPage.length > pageSize, `${q}: ${oneBigPage.length}`);
      assert.deepEqual(await allPages({ q }, pageSize), oneBigPage, q);
    }
  });

  test('% and _ are searched literally, and SQL in the search is just text', async () => {
    const rolesBefore = await countRoles();
    // As wildcards they would match every one of the catalogue's 800-odd titles.
    assert.equal((await listPublishedRoles({ q: '%' })).total, 0);
    assert.equal((await listPublishedRoles({ q: '_' })).total, 0);
    assert.equal((await listPublishedRoles({ q: "'; drop table roles; --" })).total, 0);
    assert.ok(rolesBefore > 800);
    assert.equal(await countRoles(), rolesBefore);
  });

  test('filters by category, minimum salary and maximum degree requirement', async () => {
    const healthcare = await listPublishedRoles({ category: 'healthcare-practitioners-and-technical' }, 100);
    assert.ok(healthcare.items.length >= 3);
    assert.ok(healthcare.items.every((item) => item.categorySlug === 'healthcare-practitioners-and-technical'));
    assert.ok(healthcare.items.some((item) => item.slug === 'registered-nurses'));
    assert.equal(healthcare.total, await countPublished(sql`r.category_slug = 'healthcare-practitioners-and-technical'`));

    const wellPaid = await listPublishedRoles({ minSalary: 120000 }, 100);
    assert.ok(wellPaid.items.length > 0);
    assert.ok(wellPaid.items.every((item) => item.averageSalary! >= 120000));
    assert.equal(wellPaid.total, await countPublished(sql`s.average_salary >= 120000`));
    assert.ok(wellPaid.total < (await listPublishedRoles({})).total, 'the filter leaves roles out');

    // Only the seed role (100%) has a known degree requirement; an unknown one never counts as low.
    const anyDegree = await listPublishedRoles({ maxDegree: 100 }, 100);
    assert.deepEqual(anyDegree.items.map((item) => [item.slug, item.degreeRequirementPercent]), [['backend-software-engineer', 100]]);
    assert.equal((await listPublishedRoles({ maxDegree: 99 })).total, 0);
  });

  test('sorts by title, salary and openings', async () => {
    const byTitle = await allPages({}, 100);
    const expected = await sql`select title from roles where status = 'published' order by title, id`;
    assert.deepEqual(byTitle, expected.map((row) => row.title));

    // Roles without a published annual salary come last, whichever way the list is sorted.
    for (const order of ['desc', 'asc'] as const) {
      const salaries = await allSalaries({ sort: 'salary', order });
      const known = salaries.filter((salary) => salary !== null);
      assert.deepEqual(known, [...known].sort((a, b) => (order === 'asc' ? a - b : b - a)), `salaries ${order}`);
      assert.ok(known.length < salaries.length, 'some roles have no annual salary');
      assert.deepEqual(salaries.slice(known.length), salaries.slice(known.length).map(() => null), `no salary last when ${order}`);
    }

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

  test('similar roles share the category and are those whose names and descriptions are closest', async () => {
    const similarTo = async (slug: string, limit: number) => {
      const role = (await getPublishedRoleBySlug({ slug }))!;
      const similar = await listSimilarRoles({ roleId: role.id, categorySlug: role.category.slug, averageSalary: role.stats.averageSalary, limit });
      assert.ok(similar.every((item) => item.categorySlug === role.category.slug && item.id !== role.id), slug);
      return similar.map((item) => item.slug);
    };
    // Salary alone made Actuaries Software Developers' closest, and left out Data Scientists.
    const ofSoftwareDevelopers = await similarTo('software-developers', 6);
    assert.ok(ofSoftwareDevelopers.includes('data-scientists'), ofSoftwareDevelopers.join(', '));
    assert.ok(!ofSoftwareDevelopers.includes('actuaries'), ofSoftwareDevelopers.join(', '));
    assert.deepEqual(ofSoftwareDevelopers.slice(0, 2).sort(), ['software-quality-assurance-analysts-and-testers', 'web-developers']);
    assert.ok((await similarTo('registered-nurses', 4)).includes('licensed-practical-and-licensed-vocational-nurses'));
    assert.equal((await similarTo('electricians', 1))[0], 'helpers-electricians');
  });
});
