// The listing of one state's occupations (the state page, `?state=` on the listing and the API):
// only roles with figures there, sorted by the state's own figures, walked with cursors.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeDatabase } from '@/db/client';
import type { RoleListItem } from '@/db/role-reads';
import { listPublishedRoles } from '@/db/role-search';
import type { RoleSearch } from '@/lib/role-search';
import { findUsState } from '@/lib/us-states';
import { connectToTestDatabase } from '../support/database';

const { sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

const texas = findUsState('TX')!;
const california = findUsState('california')!;

/** Every item of a search, walking its pages forwards with cursors. */
async function allItems(search: RoleSearch, pageSize = 100) {
  const items: RoleListItem[] = [];
  for (let page = await listPublishedRoles(search, pageSize); ; page = await listPublishedRoles({ ...search, after: page.nextCursor! }, pageSize)) {
    items.push(...page.items);
    if (!page.nextCursor) return items;
  }
}

/** Published roles with figures in a state meeting a condition on their figures `s`, by SQL alone. */
async function countInState(postalCode: string, condition = sql`true`) {
  const [row] = await sql`select count(*)::int as count from roles r join role_area_stats s on s.role_id = r.id join areas a on a.fips = s.area_fips
    where r.status = 'published' and a.postal_code = ${postalCode} and ${condition}`;
  return row!.count as number;
}

function assertOrdered(values: (number | null)[], order: 'asc' | 'desc', what: string) {
  const known = values.filter((value): value is number => value !== null);
  assert.deepEqual(values.slice(0, known.length), known, `${what}: roles without the figure come last`);
  for (let index = 1; index < known.length; index += 1) {
    assert.ok(order === 'desc' ? known[index - 1]! >= known[index]! : known[index - 1]! <= known[index]!, `${what} at ${index}: ${known[index - 1]} then ${known[index]}`);
  }
}

describe('the listing of a state', () => {
  test('holds exactly the roles with figures in the state, each with them', async () => {
    const page = await listPublishedRoles({ state: texas });
    assert.equal(page.total, await countInState('TX'));
    assert.ok(page.total > 400 && page.total < 900, `${page.total} occupations in Texas`);
    assert.ok(page.items.every((item) => item.inState?.state.postalCode === 'TX'));
    assert.equal((await listPublishedRoles({ q: 'backend', state: texas })).total, 0, 'the seed role has no state figures');
    assert.equal((await listPublishedRoles({})).items[0]!.inState, null, 'a national listing carries no state figures');
  });

  test("sorted by pay, it is the state's pay: Software Developers above their national mean in California", async () => {
    const items = await allItems({ state: california, sort: 'salary', order: 'desc' });
    assert.equal(items.length, await countInState('CA'));
    assertOrdered(items.map((item) => item.inState!.averageSalary), 'desc', 'California mean wage');
    const [top] = await sql`select max(s.average_salary)::int as max from role_area_stats s join roles r on r.id = s.role_id where r.status = 'published' and s.area_fips = '06'`;
    assert.equal(items[0]!.inState!.averageSalary, top!.max);
    const developers = items.find((item) => item.slug === 'software-developers')!;
    assert.deepEqual([developers.inState!.averageSalary, developers.inState!.employment, developers.averageSalary], [185_750, 292_630, 144_570]);
  });

  test('sorted by employment or by concentration, each way, every role once across the pages', async () => {
    for (const [sort, figure] of [['employment', (item: RoleListItem) => item.inState!.employment], ['concentration', (item: RoleListItem) => item.inState!.locationQuotient]] as const) {
      for (const order of ['desc', 'asc'] as const) {
        const items = await allItems({ state: texas, sort, order }, 37);
        assert.equal(new Set(items.map((item) => item.id)).size, await countInState('TX'), `${sort} ${order}: every role once`);
        assertOrdered(items.map(figure), order, `${sort} ${order}`);
      }
    }
  });

  test('the pages walk back as they walked forwards', async () => {
    const search: RoleSearch = { state: texas, sort: 'employment', order: 'desc' };
    const first = await listPublishedRoles(search, 20);
    const second = await listPublishedRoles({ ...search, after: first.nextCursor! }, 20);
    const back = await listPublishedRoles({ ...search, before: second.previousCursor! }, 20);
    assert.deepEqual(back.items.map((item) => item.id), first.items.map((item) => item.id));
  });

  test("a minimum salary applies to the state's pay, and search text narrows it", async () => {
    const items = await allItems({ state: texas, minSalary: 120_000 });
    assert.equal(items.length, await countInState('TX', sql`s.average_salary >= 120000`));
    assert.ok(items.every((item) => item.inState!.averageSalary! >= 120_000));
    const nurses = await listPublishedRoles({ q: 'nurse', state: texas });
    assert.ok(nurses.total > 0 && nurses.items.every((item) => item.inState?.state.postalCode === 'TX'));
    assert.ok(nurses.total < (await countInState('TX')));
    assert.ok(nurses.items.some((item) => item.slug === 'registered-nurses'));
  });
});
