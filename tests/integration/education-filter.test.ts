// The education filter and sort (role_search.education_rank, lib/education.ts) against SQL:
// "at most this level" counts exactly what the stored education says, unknown levels never match,
// and the sort walks every role once, level by level, the best-paid first within each.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabase } from '@/db/client';
import { listBestPaidByEducation, type RoleListItem } from '@/db/role-reads';
import { listPublishedRoles } from '@/db/role-search';
import { educationLevelOfLabel, educationLevels } from '@/lib/education';
import type { RoleSearch } from '@/lib/role-search';
import { findUsState } from '@/lib/us-states';
import { connectToTestDatabase } from '../support/database';

const { sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

/** Every role a search returns, walking its pages forwards with cursors. */
async function allRoles(search: RoleSearch, pageSize = 100) {
  const roles: RoleListItem[] = [];
  for (let page = await listPublishedRoles(search, pageSize); ; page = await listPublishedRoles({ ...search, after: page.nextCursor! }, pageSize)) {
    roles.push(...page.items);
    if (!page.nextCursor) return roles;
  }
}

/** Published roles whose stored education is one of these labels, counted by SQL alone. */
async function countWithEducation(labels: string[]) {
  const [row] = await sql`select count(*)::int as count from roles r join role_stats s on s.role_id = r.id
    where r.status = 'published' and s.entry_education in ${sql(labels)}`;
  return row!.count as number;
}

const levelOf = (slug: string) => educationLevels.find((level) => level.slug === slug)!;
const labelsUpTo = (rank: number) => educationLevels.filter((level) => level.rank <= rank).map((level) => level.label);

describe('the education filter', () => {
  test('at most each level: exactly the roles whose education is that level or below, as SQL counts them', async () => {
    for (const level of educationLevels) {
      const expected = await countWithEducation(labelsUpTo(level.rank));
      const page = await listPublishedRoles({ maxEducation: level }, 20);
      assert.equal(page.total, expected, level.slug);
    }
    // The catalogue's shape, so that the counts above are not all zero: 492 occupations need no degree.
    assert.equal((await listPublishedRoles({ maxEducation: levelOf('postsecondary-nondegree') })).total, 492);
  });

  test('every role listed at most high school needs no formal credential or a high school diploma', async () => {
    const roles = await allRoles({ maxEducation: levelOf('high-school') });
    assert.equal(roles.length, await countWithEducation(labelsUpTo(1)));
    assert.ok(roles.every((role) => ['No formal educational credential', 'High school diploma or equivalent'].includes(role.entryEducation!)));
  });

  test('a role whose education is not known is never counted, even at the highest level', async () => {
    const [unknown] = await sql`select count(*)::int as count from roles r join role_stats s on s.role_id = r.id where r.status = 'published' and s.entry_education is null`;
    assert.ok(unknown!.count >= 1, 'the seed role has no typical education');
    const [published] = await sql`select count(*)::int as count from roles where status = 'published'`;
    const everyLevel = await allRoles({ maxEducation: levelOf('doctoral') });
    assert.equal(everyLevel.length, published!.count - unknown!.count);
    assert.ok(!everyLevel.some((role) => role.slug === 'backend-software-engineer'));
  });

  test('with search text and a minimum salary, the filters add up', async () => {
    const level = levelOf('high-school');
    const page = await listPublishedRoles({ q: 'operator', maxEducation: level, minSalary: 50_000 }, 100);
    const roles = await allRoles({ q: 'operator', minSalary: 50_000 });
    const expected = roles.filter((role) => (educationLevelOfLabel(role.entryEducation)?.rank ?? Infinity) <= level.rank);
    assert.ok(expected.length > 0);
    assert.deepEqual(page.items.map((role) => role.slug).sort(), expected.map((role) => role.slug).sort());
  });

  test("in a state: the state's roles at most the level", async () => {
    const texas = findUsState('texas')!;
    const [row] = await sql`select count(*)::int as count from roles r join role_stats s on s.role_id = r.id
      join role_area_stats a on a.role_id = r.id and a.area_fips = ${texas.fips}
      where r.status = 'published' and s.entry_education in ${sql(labelsUpTo(0))}`;
    assert.ok(row!.count > 0);
    assert.equal((await listPublishedRoles({ state: texas, maxEducation: levelOf('none') })).total, row!.count);
  });
});

describe('the education sort', () => {
  /** A role's place in the sort: its level's rank (unknown last), then its salary, highest first (none last). */
  const rankOf = (role: RoleListItem) => educationLevelOfLabel(role.entryEducation)?.rank ?? null;

  test('least education first: every role once, level by level, the best-paid first within a level, unknown last', async () => {
    const roles = await allRoles({ sort: 'education', order: 'asc' }, 50);
    const [published] = await sql`select count(*)::int as count from roles where status = 'published'`;
    assert.equal(roles.length, published!.count);
    assert.equal(new Set(roles.map((role) => role.id)).size, roles.length);
    const ranks = roles.map(rankOf);
    const firstUnknown = ranks.indexOf(null);
    assert.ok(firstUnknown > 0 && ranks.slice(firstUnknown).every((rank) => rank === null), 'unknown levels come last');
    const known = ranks.slice(0, firstUnknown) as number[];
    assert.deepEqual(known, [...known].sort((a, b) => a - b));
    for (let index = 1; index < firstUnknown; index++) {
      const [before, role] = [roles[index - 1]!, roles[index]!];
      if (rankOf(before) !== rankOf(role)) continue;
      assert.ok(role.averageSalary === null || (before.averageSalary !== null && before.averageSalary >= role.averageSalary), `${before.title} before ${role.title}`);
    }
  });

  test('most education first: the reverse order of levels, unknown still last, the best-paid still first within a level', async () => {
    const roles = await allRoles({ sort: 'education', order: 'desc' }, 50);
    const ranks = roles.map(rankOf);
    assert.equal(ranks[0], 7);
    assert.equal(ranks.at(-1), null);
    const known = ranks.filter((rank) => rank !== null);
    assert.deepEqual(known, [...known].sort((a, b) => b - a));
    const doctoral = roles.filter((role) => rankOf(role) === 7).map((role) => role.averageSalary ?? -1);
    assert.deepEqual(doctoral, [...doctoral].sort((a, b) => b - a));
  });

  test('a page back from a cursor is the page before it', async () => {
    const search: RoleSearch = { sort: 'education', order: 'asc', maxEducation: levelOf('some-college') };
    const first = await listPublishedRoles(search, 10);
    const second = await listPublishedRoles({ ...search, after: first.nextCursor! }, 10);
    const back = await listPublishedRoles({ ...search, before: second.previousCursor! }, 10);
    assert.deepEqual(back.items.map((role) => role.id), first.items.map((role) => role.id));
  });
});

describe('the best-paid roles without a degree', () => {
  test("each level's best-paid, by annual salary, as SQL ranks them, and each level's count", async () => {
    const { overall, levels } = await listBestPaidByEducation({ maxRank: 3, perLevel: 5, overall: 10 });
    assert.deepEqual(
      levels.map((level) => level.rank),
      [0, 1, 2, 3],
    );
    for (const level of levels) {
      const label = educationLevels[level.rank]!.label;
      const top = await sql`select r.slug from roles r join role_stats s on s.role_id = r.id
        where r.status = 'published' and s.entry_education = ${label} and s.average_salary is not null
        order by s.average_salary desc, r.title limit 5`;
      assert.deepEqual(level.roles.map((role) => role.slug), top.map((row) => row.slug), label);
      assert.equal(level.total, await countWithEducation([label]));
      assert.ok(level.roles.every((role) => role.entryEducation === label));
    }
    const best = await sql`select r.slug from roles r join role_stats s on s.role_id = r.id
      where r.status = 'published' and s.entry_education in ${sql(labelsUpTo(3))} and s.average_salary is not null
      order by s.average_salary desc, r.title limit 10`;
    assert.deepEqual(overall.map((role) => role.slug), best.map((row) => row.slug));
  });
});
