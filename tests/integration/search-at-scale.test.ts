// The listing's search on a catalogue past the count bound: 10,100 generated roles in a database
// of this test's own (the run's database keeps the real catalogue the other tests count on).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDatabase } from '@/db/connection';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed';
import { RELEVANCE_CURSOR } from '@/lib/role-search';
import { createEmptyDatabase } from '../support/database';

let scratch: Awaited<ReturnType<typeof createEmptyDatabase>>;
let roles: typeof import('@/db/role-search');
let client: typeof import('@/db/client');

before(async () => {
  scratch = await createEmptyDatabase('scale');
  const { db, sql } = createDatabase(scratch.url, { max: 1 });
  await runMigrations(db);
  await seedDatabase(db, { synthetic: 10_100 });
  await sql.end();
  // The data layer's pool reads DATABASE_URL when first used: this file's process uses the scratch database.
  process.env.DATABASE_URL = scratch.url;
  roles = await import('@/db/role-search');
  client = await import('@/db/client');
});
after(async () => {
  await client?.closeDatabase();
  await scratch?.drop();
});

describe('search past 10,000 matches', () => {
  test('a broad view says "10,000+", a narrower one its exact total', async () => {
    const broad = await roles.listPublishedRoles({}, 20);
    assert.equal(broad.total, roles.ROLE_COUNT_BOUND);
    assert.equal(broad.totalIsLowerBound, true);
    const narrow = await roles.listPublishedRoles({ q: 'Robotics' }, 20);
    assert.equal(narrow.totalIsLowerBound, false);
    assert.ok(narrow.total > 0 && narrow.total < roles.ROLE_COUNT_BOUND, String(narrow.total));
    assert.ok(narrow.items.every((item) => item.title.includes('Robotics')));
  });

  test('sorted by salary, deep pages continue exactly where the one before ended', async () => {
    let page = await roles.listPublishedRoles({ sort: 'salary', order: 'desc' }, 100);
    const seen = new Set(page.items.map((item) => item.id));
    let last = page.items.at(-1)!.averageSalary ?? -1;
    for (let number = 2; number <= 30; number += 1) {
      page = await roles.listPublishedRoles({ sort: 'salary', order: 'desc', after: page.nextCursor! }, 100);
      for (const item of page.items) {
        assert.ok(!seen.has(item.id), 'no role twice');
        assert.ok((item.averageSalary ?? -1) <= last, 'never higher than the page before');
        seen.add(item.id);
        last = item.averageSalary ?? -1;
      }
    }
    assert.equal(seen.size, 3000);
  });

  test('a search for words no role has is quick to say so, whatever the sort', async () => {
    for (const sort of ['relevance', 'title', 'salary', 'openings'] as const) {
      const page = await roles.listPublishedRoles({ q: 'zyzzyva', sort }, 20);
      assert.deepEqual([page.total, page.items.length, page.totalIsLowerBound], [0, 0, false], sort);
    }
  });

  test('a word of 1,000–10,000 roles sorted by a column: every page in the order the database gives, forwards and back', async () => {
    // "Clinical" starts a tenth of the generated titles (1,010 of them): more than the count
    // hands over as ids, fewer than its bound, so the page is sorted from all its matches.
    const { sql } = createDatabase(scratch.url, { max: 1 });
    try {
      for (const [sort, order, orderBy] of [
        ['title', 'asc', 'title asc, role_id asc'],
        ['salary', 'desc', 'coalesce(average_salary, -1) desc, role_id desc'],
        ['openings', 'asc', 'job_openings asc, role_id asc'],
      ] as const) {
        const expected = (await sql.unsafe(`select role_id from role_search where search_vector @@ 'clinic:*'::tsquery order by ${orderBy}`)).map((row) => row.role_id as number);
        assert.ok(expected.length > 1_000 && expected.length < roles.ROLE_COUNT_BOUND, String(expected.length));
        const seen: number[] = [];
        let page = await roles.listPublishedRoles({ q: 'Clinical', sort, order }, 100);
        assert.equal(page.total, expected.length);
        seen.push(...page.items.map((item) => item.id));
        let previous = page;
        while (page.nextCursor) {
          previous = page;
          page = await roles.listPublishedRoles({ q: 'Clinical', sort, order, after: page.nextCursor }, 100);
          seen.push(...page.items.map((item) => item.id));
        }
        assert.deepEqual(seen, expected, `${sort} ${order}`);
        const back = await roles.listPublishedRoles({ q: 'Clinical', sort, order, before: page.previousCursor! }, 100);
        assert.deepEqual(back.items.map((item) => item.id), previous.items.map((item) => item.id), `${sort} ${order}, back one page`);
      }
    } finally {
      await sql.end();
    }
  });

  test('a word past the bound sorted by a column: "10,000+", and pages in the database\'s order', async () => {
    // Every generated role's summary says "Roleboard": more matches than the bound.
    const { sql } = createDatabase(scratch.url, { max: 1 });
    try {
      const expected = (await sql`select role_id from role_search where search_vector @@ 'roleboard:*'::tsquery order by coalesce(average_salary, -1) desc, role_id desc limit 40`).map((row) => row.role_id as number);
      const first = await roles.listPublishedRoles({ q: 'Roleboard', sort: 'salary', order: 'desc' }, 20);
      assert.deepEqual([first.total, first.totalIsLowerBound], [roles.ROLE_COUNT_BOUND, true]);
      const second = await roles.listPublishedRoles({ q: 'Roleboard', sort: 'salary', order: 'desc', after: first.nextCursor! }, 20);
      assert.deepEqual([first, second].flatMap((page) => page.items.map((item) => item.id)), expected);
      assert.deepEqual([second.total, second.totalIsLowerBound], [roles.ROLE_COUNT_BOUND, true], 'a deeper page says the same');
    } finally {
      await sql.end();
    }
  });

  test('ranked by relevance, every match once and the exact total on every page', async () => {
    const seen = new Set<number>();
    let page = await roles.listPublishedRoles({ q: 'Clinical' }, 100);
    const total = page.total;
    assert.ok(total > 1_000 && !page.totalIsLowerBound, String(total));
    for (;;) {
      assert.equal(page.total, total);
      for (const item of page.items) {
        assert.ok(!seen.has(item.id), 'no role twice');
        seen.add(item.id);
      }
      if (!page.nextCursor) break;
      assert.match(String(page.nextCursor.value), RELEVANCE_CURSOR);
      page = await roles.listPublishedRoles({ q: 'Clinical', after: page.nextCursor }, 100);
    }
    assert.equal(seen.size, total);
  });

  test('a word of 1,000–10,000 roles sorted by a column: past its last page, no roles and still its exact total', async () => {
    let page = await roles.listPublishedRoles({ q: 'Clinical', sort: 'openings', order: 'desc' }, 1_000);
    while (page.nextCursor) page = await roles.listPublishedRoles({ q: 'Clinical', sort: 'openings', order: 'desc', after: page.nextCursor }, 1_000);
    const last = page.items.at(-1)!;
    const past = await roles.listPublishedRoles({ q: 'Clinical', sort: 'openings', order: 'desc', after: { value: last.jobOpenings, id: last.id } }, 20);
    assert.deepEqual([past.items.length, past.total, past.totalIsLowerBound], [0, page.total, false]);
  });
});
