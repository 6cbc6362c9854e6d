// The closing job's database work (issue 21.7): a posting whose closing moment passes leaves its
// role's open figures when the job runs once, and the run names exactly the tags to invalidate.
// Postings come from the synthetic generator (fixed seed, few rows), then two of our own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql as drizzleSql } from 'drizzle-orm';
import { closePastPostings } from '@/db/job-closing';
import { seedSyntheticPostings } from '@/db/seed/synthetic-postings';
import { connectToTestDatabase } from '../support/database';

const { db, sql } = connectToTestDatabase();
after(() => sql.end());

const roleSlug = 'software-developers';

async function openCount() {
  const [row] = await sql<{ open_count: number }[]>`select f.open_count from role_posting_figures f join roles r on r.id = f.role_id
    where r.slug = ${roleSlug} and f.area_fips = '00'`;
  return row?.open_count ?? 0;
}

/** A posting of the role, closing `closesIn` from now (negative: already past), with its figures computed before. */
async function insertPosting(sourceId: string, closesAt: string) {
  const [row] = await sql<{ id: number }[]>`
    insert into job_postings (source, source_id, title, employer, posted_on, closes_at, role_id, placement, content_hash)
    select 'closing-test', ${sourceId}, 'Software developer', 'Closing test agency', current_date - 3, ${closesAt}::timestamptz, id, 'classifier', ${sourceId}
    from roles where slug = ${roleSlug}
    returning id::int as id`;
  return row!.id;
}

describe('closing job', () => {
  let closingSoon: number;
  let stillOpen: number;

  before(async () => {
    await seedSyntheticPostings(db, { count: 500, seed: 21 });
    closingSoon = await insertPosting(`soon-${process.pid}`, new Date(Date.now() + 1500).toISOString());
    stillOpen = await insertPosting(`later-${process.pid}`, new Date(Date.now() + 86_400_000).toISOString());
    await db.execute(drizzleSql`select roleboard_refresh_posting_figures(array(select distinct role_id from job_postings where role_id is not null))`);
  });

  test('a run with nothing closed changes nothing and invalidates nothing', async () => {
    const before = await openCount();
    const run = await closePastPostings(db);
    assert.ok(!run.closedPostingIds.includes(closingSoon));
    assert.equal(await openCount(), before);
  });

  test('once its closing moment passes, one run takes the posting out of the open figures and names its tags', async () => {
    const before = await openCount();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const run = await closePastPostings(db);
    assert.ok(run.closedPostingIds.includes(closingSoon));
    assert.ok(!run.closedPostingIds.includes(stillOpen));
    assert.ok(run.tags.includes('jobs'));
    assert.ok(run.tags.includes(`role:${roleSlug}`));
    assert.ok(run.tags.includes(`job:${closingSoon}`));
    assert.ok(!run.tags.includes(`job:${stillOpen}`));
    assert.equal(await openCount(), before - 1);
    // Done once: the next run finds nothing more of it.
    assert.ok(!(await closePastPostings(db)).closedPostingIds.includes(closingSoon));
  });
});
