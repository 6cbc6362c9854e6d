// The job search reads job_posting_search (migration 0019), a narrow copy of job_postings kept by
// triggers. Here: the copy follows every kind of write, and searches find exactly what the same
// search straight on job_postings, with the "open" rule as it was written before, finds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql as drizzleSql, type SQL } from 'drizzle-orm';
import { closeDatabase } from '@/db/client';
import { searchJobPostings } from '@/db/job-reads';
import type { JobSearch } from '@/lib/jobs/job-search';
import { findUsState } from '@/lib/us-states';
import { connectToTestDatabase, insertArchivedRole } from '../support/database';

const { db, sql } = connectToTestDatabase();
after(async () => {
  await sql.end();
  await closeDatabase();
});

const source = `search-test-${Date.now().toString(36)}`;

async function searchRowOf(id: number) {
  const [row] = await sql<{ open_until: string; posted_day: number; pay_key: number; role_id: number | null; cities: string[]; title_matches: boolean }[]>`
    select to_char(open_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as open_until, posted_day, pay_key, role_id, cities, search_vector @@ to_tsquery('english', 'lighthouse') as title_matches
    from job_posting_search where posting_id = ${id}`;
  return row;
}

describe('job_posting_search follows job_postings', () => {
  let postingId: number;
  let roleId: number;

  before(async () => {
    const role = await insertArchivedRole(db, { slug: source, title: `Search Test ${source}`, madeBy: 'the job search tests' });
    roleId = role!.id;
    const [posting] = await sql<{ id: number }[]>`
      insert into job_postings (source, source_id, title, employer, locations, state_codes, posted_on, closes_at, role_id, placement, content_hash,
                                pay_min, pay_max, pay_period, annual_pay_min, annual_pay_max, annual_pay_mid)
      values (${source}, 'one', 'Lighthouse keeper', 'Coast agency', ${JSON.stringify([{ city: 'Portland', stateCode: 'ME' }, { stateCode: 'OR' }])}::jsonb,
              array['ME', 'OR'], '2026-03-01', null, ${roleId}, 'classifier', 'one', 50000, 70000, 'year', 50000, 70000, 60000)
      returning id::int`;
    postingId = posting!.id;
  });

  test('an insert writes the row: open until midnight UTC 30 days after posting, keys, cities, words', async () => {
    const row = await searchRowOf(postingId);
    assert.ok(row);
    assert.equal(row.open_until, '2026-03-31T00:00:00Z');
    assert.equal(row.posted_day, Date.UTC(2026, 2, 1) / 86_400_000);
    assert.equal(row.pay_key, 60000);
    assert.equal(row.role_id, roleId);
    assert.deepEqual(row.cities, ['portland']);
    assert.equal(row.title_matches, true);
  });

  test('an update rewrites it, and the import-style upsert does too', async () => {
    await sql`update job_postings set closes_at = '2027-01-02T03:04:05Z', annual_pay_mid = null, pay_min = null, pay_max = null, pay_period = null where id = ${postingId}`;
    let row = await searchRowOf(postingId);
    assert.equal(row?.open_until, '2027-01-02T03:04:05Z');
    assert.equal(row?.pay_key, -1);
    await sql`
      insert into job_postings (source, source_id, title, employer, posted_on, content_hash)
      values (${source}, 'one', 'Harbour pilot', 'Coast agency', '2026-03-01', 'two')
      on conflict (source, source_id) do update set title = excluded.title`;
    row = await searchRowOf(postingId);
    assert.equal(row?.title_matches, false);
  });

  test('taking the posting out of its role clears the role; deleting the posting removes its row', async () => {
    await sql`update job_postings set role_id = null, placement = 'unplaced' where id = ${postingId}`;
    assert.equal((await searchRowOf(postingId))?.role_id, null);
    await sql`delete from job_postings where id = ${postingId}`;
    assert.equal(await searchRowOf(postingId), undefined);
  });

  test('every posting has its row, and no row is left without a posting', async () => {
    const [counts] = await sql<{ missing: number; orphaned: number }[]>`
      select (select count(*)::int from job_postings p where not exists (select 1 from job_posting_search s where s.posting_id = p.id)) as missing,
             (select count(*)::int from job_posting_search s where not exists (select 1 from job_postings p where p.id = s.posting_id)) as orphaned`;
    assert.deepEqual(counts, { missing: 0, orphaned: 0 });
  });
});

/**
 * The search as it was written on job_postings before migration 0019 (ids, sort keys and the
 * count up to 1,001), the reference the search on job_posting_search must match.
 */
async function searchJobPostingsDirectly(search: JobSearch, pageSize = 20) {
  const key = search.sort === 'pay' ? drizzleSql`coalesce(annual_pay_mid, -1)` : drizzleSql`(posted_on - date '1970-01-01')`;
  const conditions: SQL[] = [];
  if (search.status !== 'all') conditions.push(drizzleSql`(closes_at > now() or (closes_at is null and posted_on > current_date - 30))`);
  if (search.q) conditions.push(drizzleSql`search_vector @@ websearch_to_tsquery('english', ${search.q})`);
  if (search.occupation) conditions.push(drizzleSql`role_id = (select id from roles where slug = ${search.occupation} and status = 'published')`);
  if (search.state) conditions.push(drizzleSql`state_codes @> array[${search.state.postalCode}]::text[]`);
  if (search.city) conditions.push(drizzleSql`exists (select 1 from jsonb_array_elements(locations) as location where lower(location->>'city') = lower(${search.city}))`);
  if (search.remote !== undefined) conditions.push(drizzleSql`remote = ${search.remote}`);
  if (search.minPay !== undefined) conditions.push(drizzleSql`annual_pay_max >= ${search.minPay}`);
  if (search.maxEducation === 'bachelor') conditions.push(drizzleSql`education_asked in ('none', 'high-school', 'associate', 'bachelor')`);
  if (search.postedWithin) conditions.push(drizzleSql`posted_on >= current_date - ${search.postedWithin}::int`);
  const where = conditions.length ? drizzleSql`where ${drizzleSql.join(conditions, drizzleSql` and `)}` : drizzleSql``;
  const pageWhere = search.after
    ? drizzleSql`where ${drizzleSql.join([...conditions, drizzleSql`(${key}, id) < (${search.after.key}, ${search.after.id})`], drizzleSql` and `)}`
    : where;
  const rows = await db.execute<{ id: number; key: number }>(
    drizzleSql`select id::int, ${key}::int as key from job_postings ${pageWhere} order by ${key} desc, id desc limit ${pageSize + 1}`,
  );
  const [counted] = await db.execute<{ count: number }>(drizzleSql`select count(*)::int as count from (select 1 from job_postings ${where} limit 1001) as matches`);
  const page = [...rows].slice(0, pageSize);
  return {
    ids: page.map((row) => row.id),
    total: Math.min(counted!.count, 1000),
    nextCursor: rows.length > pageSize ? { key: page.at(-1)!.key, id: page.at(-1)!.id } : null,
  };
}

describe('searches find what the search straight on job_postings finds', () => {
  let occupation: string;

  before(async () => {
    const [busiest] = await sql<{ slug: string }[]>`
      select r.slug from job_postings p join roles r on r.id = p.role_id and r.status = 'published' group by r.slug order by count(*) desc limit 1`;
    occupation = busiest!.slug;
  });

  test('words × filters × sorts, and the second page by its cursor', async () => {
    const filters: JobSearch[] = [
      {},
      { status: 'all' },
      { state: findUsState('NY')! , status: 'all' },
      { state: findUsState('CA')! },
      { city: 'New York', status: 'all' },
      { city: 'denver', status: 'all' },
      { remote: true, status: 'all' },
      { remote: false },
      { minPay: 80_000, status: 'all' },
      { maxEducation: 'bachelor', status: 'all' },
      { postedWithin: 365, status: 'all' },
      { postedWithin: 30 },
      { occupation: 'placeholder', status: 'all' },
    ];
    const words = [undefined, 'analyst', 'clerk', '"information technology"', 'engineer -software', 'zzzznotaword'];
    let compared = 0;
    for (const filter of filters) {
      for (const q of words) {
        for (const sort of ['newest', 'pay'] as const) {
          const search: JobSearch = { ...filter, ...(filter.occupation && { occupation }), ...(q && { q }), sort };
          const expected = await searchJobPostingsDirectly(search);
          const found = await searchJobPostings(search);
          const label = JSON.stringify({ ...search, state: search.state?.postalCode });
          assert.deepEqual(found.postings.map((posting) => posting.id), expected.ids, label);
          assert.equal(found.total, expected.total, label);
          assert.deepEqual(found.nextCursor, expected.nextCursor, label);
          if (found.nextCursor) {
            const next = await searchJobPostings({ ...search, after: found.nextCursor });
            const expectedNext = await searchJobPostingsDirectly({ ...search, after: found.nextCursor });
            assert.deepEqual(next.postings.map((posting) => posting.id), expectedNext.ids, `${label}, page 2`);
          }
          compared += 1;
        }
      }
    }
    assert.equal(compared, filters.length * words.length * 2);
  });

  test('a posting is shown open exactly while the rule as written before says so', async () => {
    const page = await searchJobPostings({ status: 'all', sort: 'newest' }, 200);
    const ids = page.postings.map((posting) => posting.id);
    const rows = await sql<{ id: number; open: boolean }[]>`
      select id::int, coalesce(closes_at > now() or (closes_at is null and posted_on > current_date - 30), false) as open
      from job_postings where id = any(${ids}::bigint[])`;
    const openById = new Map(rows.map((row) => [row.id, row.open]));
    for (const posting of page.postings) assert.equal(posting.open, openById.get(posting.id), `posting ${posting.id}`);
  });
});
